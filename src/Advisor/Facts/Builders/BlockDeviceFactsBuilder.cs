using System.Text.RegularExpressions;
using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// Block devices from <c>sys/block/*</c> (else lsblk): every queue file, major:minor, model, SCSI cache type,
/// dm name, slaves and holders, and the physical devices at the bottom of each stack.
/// </summary>
public static partial class BlockDeviceFactsBuilder
{
    public static readonly string[] Globs =
    [
        "sys/block/*/queue/*", "sys/block/*/dev", "sys/block/*/device/model", "sys/block/*/dm/name", "sys/block/*/device/scsi_disk/*/cache_type",
        // NVMe namespaces sit at sys/devices/…/nvme/nvme0/nvme0n1 (no "block" folder), so match any depth
        "sys/devices/**/queue/*", "sys/devices/**/dev", "sys/devices/**/dm/name", "sys/devices/**/model",
        "sys/devices/**/scsi_disk/*/cache_type",
        LsblkParser.SosPath, LsblkPairsParser.SosPath,
    ];

    public static void Build(BuildContext context)
    {
        var names = context.Folder("sys/block").ToList();
        List<LsblkPairsParser.Row>? pairs = null;
        if (context.Lines(LsblkPairsParser.SosPath) is { } pairLines && LsblkPairsParser.Parse(pairLines) is { IsUsable: true } parsedPairs)
        {
            pairs = parsedPairs.Value!;
        }

        List<LsblkParser.Row>? tree = null;
        if (context.Lines(LsblkParser.SosPath) is { } treeLines && LsblkParser.Parse(treeLines) is { IsUsable: true } parsedTree)
        {
            tree = parsedTree.Value!;
        }

        if (names.Count == 0)
        {
            if (pairs is not null)
            {
                // every device sys/block would list: disks and dm/md/loop devices, not partitions
                names = pairs.Where(p => p.Get("TYPE") != "part")
                    .Select(p => p.Get("KNAME").Length > 0 ? p.Get("KNAME") : p.Get("NAME")).Distinct().ToList();
            }
            else if (tree is not null)
            {
                names = tree.Where(r => r.Depth == 0).Select(r => r.Name).Distinct().ToList();
            }
            else if (context.Lines(LsblkParser.SosPath) is { } lsblkLines)
            {
                context.Usable(LsblkParser.Parse(lsblkLines));
            }
        }

        foreach (var name in names)
        {
            var device = Read(context, name, pairs);
            // lsblk's tree fills what sysfs did not capture: major:minor, and old lsblk's "name (dm-0)" dm names
            if (tree?.FirstOrDefault(r => r.Name == name || r.KernelName == name) is { } row)
            {
                if (!device.MajorMinor.IsPresent && row.MajorMinor.Length > 0) device.MajorMinor = Fact<string>.Of(row.MajorMinor, row.Source);
                if (device.Transport == "dm" && !device.DeviceMapperName.IsPresent && row.KernelName == name) device.DeviceMapperName = Fact<string>.Of(row.Name, row.Source);
            }

            context.Facts.BlockDevices.Add(device);
        }

        foreach (var device in context.Facts.BlockDevices)
        {
            device.PhysicalDevices = PhysicalDevices(context.Facts.BlockDevices, device.Name, []);
        }
    }

    private static BlockDevice Read(BuildContext context, string name, List<LsblkPairsParser.Row>? pairs)
    {
        var folder = $"sys/block/{name}";
        var device = new BlockDevice { Name = name, Transport = BlockTransport.FromKernelName(name) };
        ReadQueue(context, $"{folder}/queue", device.Queue);
        device.MajorMinor = context.Word($"{folder}/dev");
        var pair = pairs?.FirstOrDefault(p => p.Get("KNAME") == name || p.Get("NAME") == name);
        if (!device.MajorMinor.IsPresent && pair is not null && pair.Get("MAJ:MIN").Length > 0)
        {
            device.MajorMinor = Fact<string>.Of(pair.Get("MAJ:MIN"), pair.Source);
        }

        device.Model = context.Word($"{folder}/device/model");
        if (!device.Model.IsPresent && pair is not null && pair.Get("MODEL").Length > 0)
        {
            device.Model = Fact<string>.Of(pair.Get("MODEL").Trim(), pair.Source);
        }

        if (context.Folder($"{folder}/device/scsi_disk").FirstOrDefault() is { } scsiDisk)
        {
            device.CacheType = context.Word($"{folder}/device/scsi_disk/{scsiDisk}/cache_type");
        }

        if (device.Transport == "dm")
        {
            device.DeviceMapperName = context.Word($"{folder}/dm/name");
            if (!device.DeviceMapperName.IsPresent && pair is not null && pair.Get("NAME").Length > 0 && pair.Get("NAME") != name)
            {
                device.DeviceMapperName = Fact<string>.Of(pair.Get("NAME"), pair.Source);
            }
        }

        device.Slaves = [.. context.Folder($"{folder}/slaves")];
        device.Holders = [.. context.Folder($"{folder}/holders")];
        if (context.Bundle.Resolve(folder) is { } real)
        {
            device.PciAddress = PciAddress().Matches(real).LastOrDefault()?.Value ?? "";
            // libata disks sit under …/ataN/hostN/…: SATA rather than SAS/FC/iSCSI SCSI
            if (device.Transport == "scsi" && AtaPort().IsMatch(real)) device.Transport = "sata";
        }

        return device;
    }

    private static void ReadQueue(BuildContext context, string folder, BlockQueue queue)
    {
        foreach (var file in context.Folder(folder))
        {
            if (context.Lines($"{folder}/{file}") is { } lines)
            {
                queue.Attributes[file] = SysfsValueParser.ParseWord(lines);
            }
        }

        queue.Nomerges = context.Int($"{folder}/nomerges");
        queue.Rotational = context.Int($"{folder}/rotational");
        if (context.Lines($"{folder}/scheduler") is { } scheduler)
        {
            queue.Scheduler = SysfsValueParser.ParseBracketedChoice(scheduler);
            var words = SysfsValueParser.ParseWords(scheduler);
            queue.AvailableSchedulers = words.IsPresent
                ? Fact<List<string>>.Of([.. words.Value.Select(w => w.Trim('[', ']'))], words.Source!)
                : words;
        }
        else
        {
            queue.Scheduler = Fact<string>.Missing($"{folder}/scheduler is not in the bundle");
        }

        queue.AddRandom = context.Int($"{folder}/add_random");
        queue.RqAffinity = context.Int($"{folder}/rq_affinity");
        queue.Iostats = context.Int($"{folder}/iostats");
        queue.WriteCache = context.Word($"{folder}/write_cache");
        queue.NrRequests = context.Int($"{folder}/nr_requests");
        queue.MaxSectorsKb = context.Int($"{folder}/max_sectors_kb");
        queue.MaxHwSectorsKb = context.Int($"{folder}/max_hw_sectors_kb");
        queue.ReadAheadKb = context.Int($"{folder}/read_ahead_kb");
        queue.LogicalBlockSize = context.Int($"{folder}/logical_block_size");
        queue.PhysicalBlockSize = context.Int($"{folder}/physical_block_size");
        queue.WbtLatUsec = context.Long($"{folder}/wbt_lat_usec");
    }

    /// <summary>The whole disks beneath <paramref name="name"/>: slaves followed down, partitions mapped to their disk.</summary>
    internal static List<string> PhysicalDevices(List<BlockDevice> devices, string name, HashSet<string> visited)
    {
        if (!visited.Add(name)) return [];
        var device = devices.FirstOrDefault(d => d.Name == name) ?? DiskOfPartition(devices, name);
        if (device is null) return [name];
        if (device.Slaves.Count == 0) return [device.Name];
        return [.. device.Slaves.SelectMany(s => PhysicalDevices(devices, s, visited)).Distinct()];
    }

    /// <summary><c>nvme1n1p2</c> → <c>nvme1n1</c>, <c>sda3</c> → <c>sda</c>.</summary>
    internal static BlockDevice? DiskOfPartition(List<BlockDevice> devices, string partition) =>
        devices.Where(d => partition.StartsWith(d.Name, StringComparison.Ordinal) && PartitionSuffix().IsMatch(partition[d.Name.Length..]))
            .OrderByDescending(d => d.Name.Length)
            .FirstOrDefault();

    [GeneratedRegex(@"/ata\d+/")]
    private static partial Regex AtaPort();

    [GeneratedRegex(@"^p?\d+$")]
    private static partial Regex PartitionSuffix();

    [GeneratedRegex(@"[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]")]
    private static partial Regex PciAddress();
}
