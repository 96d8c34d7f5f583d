using Advisor.Bundles;
using Advisor.Parsing;

namespace Advisor.Facts;

/// <summary>Runs the parsers over a bundle's captured files and combines their records into <see cref="HostFacts"/>.</summary>
public static class HostFactsBuilder
{
    private static readonly string[] QueueAttributes = ["nomerges", "rotational", "scheduler"];

    /// <summary>Every path the parsers read; the bundle reader keeps these and skips the rest.</summary>
    public static IReadOnlyList<string> WantedGlobs { get; } =
    [
        UnameParser.SosPath,
        "sos_reports/manifest.json",
        "sos_commands/host/hostname",
        "etc/hostname",
        OsReleaseParser.OsReleasePath,
        "usr/lib/os-release",
        OsReleaseParser.LsbReleasePath,
        OsReleaseParser.LsbReleaseCommandPath,
        DmsetupTableParser.SosPath,
        LsblkParser.SosPath,
        DmidecodeParser.SosPath,
        LscpuParser.SosPath,
        SystemdVirtualizationParser.SosPath,
        "sys/devices/system/clocksource/clocksource0/current_clocksource",
        "sys/devices/system/clocksource/clocksource0/available_clocksource",
        "sys/devices/system/node/node*/cpulist",
        .. QueueAttributes.Select(a => $"sys/block/*/queue/{a}"),
        .. QueueAttributes.Select(a => $"sys/devices/**/queue/{a}"),
    ];

    public static HostFacts Build(BundleContents bundle)
    {
        var facts = new HostFacts();
        var context = new Context(bundle, facts);
        AddKernel(context);
        AddOs(context);
        AddCpuAndPlatform(context);
        AddBlockDevices(context);
        AddDeviceMapper(context);
        AddClocksource(context);
        return facts;
    }

    private static void AddKernel(Context context)
    {
        var lines = context.Lines(UnameParser.SosPath);
        if (lines is null) return;
        var parsed = UnameParser.Parse(lines);
        if (context.Usable(parsed, r => context.Facts.Kernel.Release = Fact<string>.Unusable(r)) is { } uname)
        {
            context.Facts.Kernel.Release = uname.Release;
            context.Facts.Hostname = uname.Hostname;
        }

        foreach (var path in new[] { "sos_commands/host/hostname", "etc/hostname" })
        {
            if (context.Lines(path) is { } hostname && SysfsValueParser.ParseWord(hostname) is { IsPresent: true } name)
            {
                context.Facts.Hostname = name;
                break;
            }
        }
    }

    private static void AddOs(Context context)
    {
        foreach (var path in new[] { OsReleaseParser.OsReleasePath, "usr/lib/os-release" })
        {
            if (context.Lines(path) is { } lines && context.Usable(OsReleaseParser.ParseOsRelease(lines), _ => { }) is { } os)
            {
                context.Facts.Os = os;
                return;
            }
        }

        foreach (var path in new[] { OsReleaseParser.LsbReleasePath, OsReleaseParser.LsbReleaseCommandPath })
        {
            if (context.Lines(path) is { } lines && context.Usable(OsReleaseParser.ParseLsbRelease(lines), _ => { }) is { } os)
            {
                context.Facts.Os = os;
                return;
            }
        }
    }

    private static void AddCpuAndPlatform(Context context)
    {
        var facts = context.Facts;
        if (context.Lines(LscpuParser.SosPath) is { } lscpuLines
            && context.Usable(LscpuParser.Parse(lscpuLines), r => facts.Cpu.ModelName = Fact<string>.Unusable(r)) is { } lscpu)
        {
            facts.Cpu = lscpu.Cpu;
            facts.Numa.Nodes = lscpu.NumaNodes.Select(n => new NumaNode { Id = n.Node, Cpus = n.Cpus }).ToList();
        }

        var sysfsNodes = context.Bundle.ListFolder("sys/devices/system/node")
            .Where(n => n.StartsWith("node", StringComparison.Ordinal) && int.TryParse(n[4..], out _))
            .Select(n => (Id: int.Parse(n[4..]), Lines: context.Lines($"sys/devices/system/node/{n}/cpulist")))
            .Where(n => n.Lines is not null)
            .Select(n => new NumaNode { Id = n.Id, Cpus = SysfsValueParser.ParseWord(n.Lines!) })
            .OrderBy(n => n.Id)
            .ToList();
        if (sysfsNodes.Count > 0)
        {
            facts.Numa.Nodes = sysfsNodes;
        }

        if (context.Lines(DmidecodeParser.SosPath) is { } dmiLines)
        {
            var dmi = DmidecodeParser.Parse(dmiLines);
            if (context.Usable(dmi, r => facts.Platform.Vendor = facts.Platform.Product = Fact<string>.Unusable(r)) is { } records)
            {
                (facts.Platform.Vendor, facts.Platform.Product) = VirtualizationClassifier.SystemIdentity(records);
            }
        }

        var container = context.Lines(SystemdVirtualizationParser.SosPath) is { } systemd
            ? SystemdVirtualizationParser.ParseContainer(systemd)
            : Fact<string>.Missing("no systemctl show output");
        facts.Platform.Virtualization = VirtualizationClassifier.Classify(facts.Platform.Vendor, facts.Platform.Product, facts.Cpu.HypervisorVendor, container);
    }

    private static void AddBlockDevices(Context context)
    {
        var names = context.Bundle.ListFolder("sys/block");
        if (names.Count == 0 && context.Lines(LsblkParser.SosPath) is { } lsblkLines
            && context.Usable(LsblkParser.Parse(lsblkLines), _ => { }) is { } rows)
        {
            names = rows.Where(r => r.Depth == 0).Select(r => r.Name).Distinct().ToList();
        }

        foreach (var name in names)
        {
            var device = new BlockDevice { Name = name, Transport = BlockTransport.FromKernelName(name) };
            var queue = $"sys/block/{name}/queue";
            device.Queue.Nomerges = context.Lines($"{queue}/nomerges") is { } n ? SysfsValueParser.ParseInt(n) : Fact<int>.Missing($"{queue}/nomerges is not in the bundle");
            device.Queue.Rotational = context.Lines($"{queue}/rotational") is { } r ? SysfsValueParser.ParseInt(r) : Fact<int>.Missing($"{queue}/rotational is not in the bundle");
            device.Queue.Scheduler = context.Lines($"{queue}/scheduler") is { } s ? SysfsValueParser.ParseBracketedChoice(s) : Fact<string>.Missing($"{queue}/scheduler is not in the bundle");
            context.Facts.BlockDevices.Add(device);
        }
    }

    private static void AddDeviceMapper(Context context)
    {
        if (context.Lines(DmsetupTableParser.SosPath) is { } lines
            && context.Usable(DmsetupTableParser.Parse(lines), _ => { }) is { } targets)
        {
            context.Facts.DeviceMapperTargets = targets;
        }
    }

    private static void AddClocksource(Context context)
    {
        const string folder = "sys/devices/system/clocksource/clocksource0";
        if (context.Lines($"{folder}/current_clocksource") is { } current)
        {
            context.Facts.Clocksource.Current = SysfsValueParser.ParseWord(current);
        }

        if (context.Lines($"{folder}/available_clocksource") is { } available)
        {
            context.Facts.Clocksource.Available = SysfsValueParser.ParseWords(available);
        }
    }

    private sealed class Context(BundleContents bundle, HostFacts facts)
    {
        public BundleContents Bundle { get; } = bundle;
        public HostFacts Facts { get; } = facts;

        public TextLines? Lines(string path) => Bundle.Find(path) is { } file ? new TextLines(file) : null;

        /// <summary>The parsed value, or null after recording why the input was unusable.</summary>
        public T? Usable<T>(ParseResult<T> result, Action<string> onUnusable)
            where T : class
        {
            if (result.IsUsable) return result.Value;
            var reason = result.UnusableReason!;
            Facts.ParseWarnings.Add(result.Evidence is null ? reason : $"{reason} ({result.Evidence})");
            onUnusable(reason);
            return null;
        }
    }
}
