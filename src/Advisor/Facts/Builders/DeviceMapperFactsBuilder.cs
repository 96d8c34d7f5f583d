using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// dm devices from <c>dmsetup table</c>, <c>dmsetup status</c>, <c>dmsetup info -c</c> and LVM's <c>lvs</c>, each
/// with the devices beneath it (sysfs slaves, else the table's major:minor numbers) down to physical disks.
/// </summary>
public static class DeviceMapperFactsBuilder
{
    public const string StatusPath = "sos_commands/devicemapper/dmsetup_status";

    public static readonly string[] Globs = [DmsetupTableParser.SosPath, StatusPath, DmsetupInfoParser.SosPath, LvsParser.SosGlob];

    public static void Build(BuildContext context)
    {
        var facts = context.Facts;
        var dm = facts.DeviceMapper;
        if (context.Lines(DmsetupTableParser.SosPath) is { } tableLines && context.Usable(DmsetupTableParser.Parse(tableLines)) is { } targets)
        {
            facts.DeviceMapperTargets = targets;
        }

        var status = context.Lines(StatusPath) is { } statusLines ? context.Usable(DmsetupTableParser.Parse(statusLines)) ?? [] : [];
        var info = context.Lines(DmsetupInfoParser.SosPath) is { } infoLines ? context.Usable(DmsetupInfoParser.Parse(infoLines)) ?? [] : [];
        var tree = context.Lines(LsblkParser.SosPath) is { } treeLines && LsblkParser.Parse(treeLines) is { IsUsable: true } parsedTree ? parsedTree.Value! : [];
        var names = facts.DeviceMapperTargets.Select(t => t.Device).Concat(info.Select(i => i.Name)).Distinct();
        foreach (var name in names)
        {
            var device = new DeviceMapperDevice
            {
                Name = name,
                Targets = [.. facts.DeviceMapperTargets.Where(t => t.Device == name)],
                Status = [.. status.Where(s => s.Device == name).Select(s => s.Line)],
            };
            if (info.FirstOrDefault(i => i.Name == name) is { } row)
            {
                device.MajorMinor = row.MajorMinor;
                device.OpenCount = row.OpenCount;
                device.Uuid = row.Uuid;
            }
            else if (tree.FirstOrDefault(r => r.Name == name && r.MajorMinor.Length > 0) is { } treeRow)
            {
                // no dmsetup info: lsblk's tree row of the dm name gives its major:minor
                device.MajorMinor = Fact<string>.Of(treeRow.MajorMinor, treeRow.Source);
            }

            var block = facts.BlockDevices.FirstOrDefault(b => b.DeviceMapperName.IsPresent && b.DeviceMapperName.Value == name)
                ?? (device.MajorMinor.IsPresent ? facts.BlockDevices.FirstOrDefault(b => b.MajorMinor.IsPresent && b.MajorMinor.Value == device.MajorMinor.Value) : null);
            if (block is not null)
            {
                device.KernelName = block.Name;
                if (!device.MajorMinor.IsPresent) device.MajorMinor = block.MajorMinor;
            }
            else if (device.MajorMinor.IsPresent && device.MajorMinor.Value.Split(':') is [_, var minor])
            {
                device.KernelName = $"dm-{minor}";
            }

            dm.Devices.Add(device);
        }

        // first every device's direct lower devices, then (all known) the walk down to physical disks
        foreach (var device in dm.Devices)
        {
            device.Underlying = facts.FindBlockDevice(device.KernelName) is { Slaves.Count: > 0 } block
                ? block.Slaves
                : [.. device.Targets.SelectMany(t => t.DeviceNumbers).Select(n => NameOf(facts, n)).Distinct()];
        }

        foreach (var device in dm.Devices)
        {
            device.PhysicalDevices = Physical(facts, device, []);
            if (facts.FindBlockDevice(device.KernelName) is { Slaves.Count: 0 } block && device.PhysicalDevices.Count > 0)
            {
                block.PhysicalDevices = device.PhysicalDevices;
            }
        }

        foreach (var path in context.Bundle.CapturedFiles.Select(f => f.Path).Where(p => p.StartsWith("sos_commands/lvm2/lvs_", StringComparison.Ordinal)).Order())
        {
            if (context.Lines(path) is { } lvsLines && context.Usable(LvsParser.Parse(lvsLines)) is { } volumes)
            {
                dm.LogicalVolumes = volumes;
                break;
            }
        }
    }

    /// <summary>A <c>major:minor</c> as a kernel name (from sys/block/*/dev or lsblk), else the number itself.</summary>
    private static string NameOf(HostFacts facts, string number) =>
        facts.BlockDevices.FirstOrDefault(b => b.MajorMinor.IsPresent && b.MajorMinor.Value == number)?.Name
        ?? facts.DeviceMapper.Devices.FirstOrDefault(d => d.MajorMinor.IsPresent && d.MajorMinor.Value == number)?.KernelName
        ?? (number.StartsWith("253:", StringComparison.Ordinal) ? $"dm-{number[4..]}" : number);

    private static List<string> Physical(HostFacts facts, DeviceMapperDevice device, HashSet<string> visited)
    {
        if (!visited.Add(device.Name)) return [];
        var result = new List<string>();
        foreach (var below in device.Underlying)
        {
            if (facts.DeviceMapper.Devices.FirstOrDefault(d => d.KernelName == below && d.KernelName.Length > 0) is { } lower)
            {
                result.AddRange(Physical(facts, lower, visited));
            }
            else
            {
                result.AddRange(BlockDeviceFactsBuilder.PhysicalDevices(facts.BlockDevices, below, []));
            }
        }

        return [.. result.Distinct()];
    }
}
