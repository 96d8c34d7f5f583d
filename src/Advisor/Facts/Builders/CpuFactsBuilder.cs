using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// CPU identity (lscpu, completed from proc/cpuinfo), flags, cpufreq governors and drivers, vulnerability files and
/// thermal throttle counters.
/// </summary>
public static class CpuFactsBuilder
{
    private const string CpuFolder = "sys/devices/system/cpu";

    public static readonly string[] Globs =
    [
        LscpuParser.SosPath, CpuinfoParser.SosPath,
        $"{CpuFolder}/cpu*/cpufreq/scaling_governor", $"{CpuFolder}/cpu*/cpufreq/scaling_driver",
        $"{CpuFolder}/cpufreq/policy*/scaling_governor", $"{CpuFolder}/cpufreq/policy*/scaling_driver",
        $"{CpuFolder}/vulnerabilities/*",
        $"{CpuFolder}/cpu*/thermal_throttle/*_throttle_count",
    ];

    public static void Build(BuildContext context)
    {
        var facts = context.Facts;
        if (context.Lines(LscpuParser.SosPath) is { } lscpuLines
            && context.Usable(LscpuParser.Parse(lscpuLines), r => facts.Cpu.ModelName = Fact<string>.Unusable(r)) is { } lscpu)
        {
            facts.Cpu = lscpu.Cpu;
            facts.Numa.Nodes = lscpu.NumaNodes.Select(n => new NumaNode { Id = n.Node, Cpus = n.Cpus }).ToList();
        }

        if (context.Lines(CpuinfoParser.SosPath) is { } cpuinfoLines && context.Usable(CpuinfoParser.Parse(cpuinfoLines)) is { } cpuinfo)
        {
            var cpu = facts.Cpu;
            if (!cpu.Flags.IsPresent && cpuinfo.Flags.IsPresent) cpu.Flags = cpuinfo.Flags;
            if (!cpu.ModelName.IsPresent && cpuinfo.ModelName.IsPresent) cpu.ModelName = cpuinfo.ModelName;
            if (!cpu.Vendor.IsPresent && cpuinfo.Vendor.IsPresent) cpu.Vendor = cpuinfo.Vendor;
            if (!cpu.Family.IsPresent && cpuinfo.Family.IsPresent) cpu.Family = cpuinfo.Family;
            if (!cpu.Model.IsPresent && cpuinfo.Model.IsPresent) cpu.Model = cpuinfo.Model;
            var firstLine = cpuinfoLines.EvidenceAt(1);
            if (!cpu.LogicalCpus.IsPresent) cpu.LogicalCpus = Fact<int>.Of(cpuinfo.LogicalCpus, firstLine);
            if (!cpu.Sockets.IsPresent && cpuinfo.Sockets > 0) cpu.Sockets = Fact<int>.Of(cpuinfo.Sockets, firstLine);
        }

        foreach (var cpuNumber in CpuNumbers(context))
        {
            var folder = $"{CpuFolder}/cpu{cpuNumber}";
            var governor = context.Lines($"{folder}/cpufreq/scaling_governor") ?? context.Lines($"{CpuFolder}/cpufreq/policy{cpuNumber}/scaling_governor");
            var driver = context.Lines($"{folder}/cpufreq/scaling_driver") ?? context.Lines($"{CpuFolder}/cpufreq/policy{cpuNumber}/scaling_driver");
            if (governor is not null || driver is not null)
            {
                facts.Cpu.Frequency.Add(new CpuFrequencyPolicy
                {
                    Cpu = cpuNumber,
                    Governor = governor is null ? Fact<string>.Missing("no scaling_governor file") : SysfsValueParser.ParseWord(governor),
                    Driver = driver is null ? Fact<string>.Missing("no scaling_driver file") : SysfsValueParser.ParseWord(driver),
                });
            }

            foreach (var name in context.Folder($"{folder}/thermal_throttle").Where(n => n.EndsWith("_throttle_count", StringComparison.Ordinal)))
            {
                facts.Cpu.ThermalThrottles.Add(new ThermalThrottleCount
                {
                    Cpu = cpuNumber,
                    Kind = name[..name.IndexOf('_', StringComparison.Ordinal)],
                    Count = context.Long($"{folder}/thermal_throttle/{name}"),
                });
            }
        }

        foreach (var name in context.Folder($"{CpuFolder}/vulnerabilities"))
        {
            if (context.Lines($"{CpuFolder}/vulnerabilities/{name}") is { } lines)
            {
                facts.Cpu.Vulnerabilities.Add(new CpuVulnerability { Name = name, Status = SysfsValueParser.ParseWord(lines) });
            }
        }
    }

    private static IEnumerable<int> CpuNumbers(BuildContext context) =>
        context.NumberedMembers(CpuFolder, "cpu").Select(member => member.Number).Order();
}
