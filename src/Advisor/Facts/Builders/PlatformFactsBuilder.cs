using System.Globalization;
using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// dmidecode (system, BIOS, baseboard, processor sockets, memory devices), bare metal vs VM vs container, and EDAC
/// memory controller error counts.
/// </summary>
public static class PlatformFactsBuilder
{
    private const string EdacFolder = "sys/devices/system/edac/mc";

    public static readonly string[] Globs =
    [
        DmidecodeParser.SosPath, SystemdVirtualizationParser.SosPath, $"{EdacFolder}/mc*/ce_count", $"{EdacFolder}/mc*/ue_count",
    ];

    public static void Build(BuildContext context)
    {
        var facts = context.Facts;
        var platform = facts.Platform;
        platform.Vendor = platform.Product = Fact<string>.Missing(context.MissingReason(DmidecodeParser.SosPath));
        if (context.Lines(DmidecodeParser.SosPath) is { } dmiLines
            && context.Usable(DmidecodeParser.Parse(dmiLines), r => platform.Vendor = platform.Product = Fact<string>.Unusable(r)) is { } records)
        {
            (platform.Vendor, platform.Product) = VirtualizationClassifier.SystemIdentity(records);
            AddDmi(platform, records);
        }

        var container = context.Lines(SystemdVirtualizationParser.SosPath) is { } systemd
            ? SystemdVirtualizationParser.ParseContainer(systemd)
            : Fact<string>.Missing("no systemctl show output");
        platform.Virtualization = VirtualizationClassifier.Classify(platform.Vendor, platform.Product, facts.Cpu.HypervisorVendor, container);

        foreach (var (name, _) in context.NumberedMembers(EdacFolder, "mc"))
        {
            platform.MemoryControllers.Add(new MemoryController
            {
                Name = name,
                CorrectedErrors = context.Long($"{EdacFolder}/{name}/ce_count"),
                UncorrectedErrors = context.Long($"{EdacFolder}/{name}/ue_count"),
            });
        }
    }

    /// <summary>Fills BIOS, baseboard, processor sockets and memory devices from dmidecode records.</summary>
    public static void AddDmi(PlatformFacts platform, List<DmidecodeParser.Record> records)
    {
        Fact<string> Value(DmidecodeParser.Record? record, string key, string what) =>
            record?.Values.GetValueOrDefault(key) ?? Fact<string>.Missing(record is null ? $"dmidecode has no {what} record" : $"no {key} line");

        var bios = records.FirstOrDefault(r => r.Type == 0);
        platform.BiosVendor = Value(bios, "Vendor", "BIOS Information");
        platform.BiosVersion = Value(bios, "Version", "BIOS Information");
        platform.BiosDate = Value(bios, "Release Date", "BIOS Information");
        var board = records.FirstOrDefault(r => r.Type == 2);
        platform.BoardVendor = Value(board, "Manufacturer", "Base Board Information");
        platform.BoardProduct = Value(board, "Product Name", "Base Board Information");
        foreach (var record in records.Where(r => r.Type == 4))
        {
            platform.Processors.Add(new ProcessorSocket
            {
                Designation = record.Values.GetValueOrDefault("Socket Designation")?.Value ?? "",
                Version = Value(record, "Version", "Processor"),
                Manufacturer = Value(record, "Manufacturer", "Processor"),
                Status = Value(record, "Status", "Processor"),
                CoreCount = Integer(record, "Core Count"),
                ThreadCount = Integer(record, "Thread Count"),
                CurrentSpeed = Value(record, "Current Speed", "Processor"),
            });
        }

        foreach (var record in records.Where(r => r.Type == 17))
        {
            var size = Value(record, "Size", "Memory Device");
            platform.MemoryDevices.Add(new MemoryDevice
            {
                Locator = record.Values.GetValueOrDefault("Locator")?.Value ?? "",
                BankLocator = record.Values.GetValueOrDefault("Bank Locator")?.Value ?? "",
                Size = size,
                SizeMiB = size.IsPresent ? MiB(size.Value) : 0,
                Type = Value(record, "Type", "Memory Device"),
                Speed = Value(record, "Speed", "Memory Device"),
                ConfiguredSpeed = record.Values.GetValueOrDefault("Configured Memory Speed") ?? Value(record, "Configured Clock Speed", "Memory Device"),
            });
        }
    }

    private static Fact<int> Integer(DmidecodeParser.Record record, string key)
    {
        if (record.Values.GetValueOrDefault(key) is not { } raw) return Fact<int>.Missing($"no {key} line");
        return int.TryParse(raw.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Fact<int>.Of(value, raw.Source!)
            : Fact<int>.Unusable($"{key} is not a number", raw.Source);
    }

    /// <summary><c>16384 MB</c> → 16384, <c>32 GB</c> → 32768, <c>No Module Installed</c> → 0.</summary>
    internal static long MiB(string size)
    {
        var words = size.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !long.TryParse(words[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount)) return 0;
        return words[1] switch
        {
            "kB" or "KB" => amount / 1024,
            "MB" => amount,
            "GB" => amount * 1024,
            "TB" => amount * 1024 * 1024,
            _ => 0,
        };
    }
}
