using Advisor.Diagnostics;
using Advisor.Facts;

namespace Advisor.Reporting.Charts;

/// <summary>
/// The one place that decides which charts the HTML report embeds, from the host's facts and its findings:
/// for a finding about a NIC or an NVMe device, its interrupts per CPU coloured by NUMA node; for a finding
/// about a storage device when iostat was captured, the average request size at each layer of its stack
/// (dm device → physical device); for a device-mapper finding, the storage stack itself.
/// </summary>
public static class ReportCharts
{
    public static IReadOnlyList<ReportChart> For(HostFacts facts, IReadOnlyList<Diagnostic> findings)
    {
        var charts = new List<ReportChart>();
        foreach (var finding in findings.Where(f => f.Instance.Length > 0))
        {
            var anchor = FindingAnchor.For(finding);
            if (Interrupts(facts, finding) is { } interrupts)
            {
                charts.Add(new ReportChart(anchor, interrupts.Title, InterruptChartRenderer.Render(interrupts)));
            }

            if (RequestSizes(facts, finding) is { } sizes)
            {
                charts.Add(new ReportChart(anchor, sizes.Title, RequestSizeChartRenderer.Render(sizes)));
            }

            foreach (var top in StackTops(facts, finding))
            {
                if (StorageStackBuilder.ForDeviceMapper(facts, top, DeviceNumberNames(facts)) is { } stack)
                {
                    charts.Add(new ReportChart(anchor, stack.Title, StorageStackChartRenderer.Render(stack)));
                }
            }
        }

        return charts;
    }

    /// <summary>
    /// The device-mapper devices whose stacks show the finding's device: a dm finding's own device; for a block
    /// device, the topmost dm devices stacked on it (at most two).
    /// </summary>
    private static IEnumerable<string> StackTops(HostFacts facts, Diagnostic finding)
    {
        if (finding.Scope is "dmTarget" or "dmDevice") return [finding.Instance];
        if (finding.Scope != "blockDevice") return [];
        return StackAbove(facts, finding.Instance)
            .Select(name => facts.FindBlockDevice(name))
            .Where(b => b is { Holders.Count: 0, DeviceMapperName.IsPresent: true })
            .Select(b => b!.DeviceMapperName.Value)
            .Take(2)
            .ToList();
    }

    /// <summary>major:minor → the name people use (dm name for dm devices, kernel name otherwise).</summary>
    private static Dictionary<string, string> DeviceNumberNames(HostFacts facts)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in facts.BlockDevices.Where(d => d.MajorMinor.IsPresent))
        {
            names[device.MajorMinor.Value] = device.DeviceMapperName.IsPresent ? device.DeviceMapperName.Value : device.Name;
        }

        foreach (var dm in facts.DeviceMapper.Devices.Where(d => d.MajorMinor.IsPresent))
        {
            names.TryAdd(dm.MajorMinor.Value, dm.Name);
        }

        return names;
    }

    /// <summary>Interrupts per CPU of the NIC or NVMe device a finding is about, when the host has NUMA nodes and counts.</summary>
    internal static InterruptChart? Interrupts(HostFacts facts, Diagnostic finding)
    {
        var (name, summary, home) = finding.Scope switch
        {
            "nic" when facts.FindNic(finding.Instance) is { } nic => (nic.Name, nic.Interrupts, nic.NumaNode.IsPresent && nic.NumaNode.Value >= 0 ? nic.NumaNode.Value : (int?)null),
            "blockDevice" when facts.FindBlockDevice(finding.Instance) is { Interrupts.IrqCount: > 0 } device => (device.Name, device.Interrupts, (int?)null),
            _ => (null, null, null),
        };
        if (name is null || summary is null || summary.TotalCount == 0 || facts.Numa.Nodes.Count == 0) return null;

        var irqs = facts.Irqs.Where(i => summary.Irqs.Contains(i.Number)).ToList();
        var cpus = irqs.SelectMany(i => i.Cpus).Distinct().Order().ToList();
        var bars = cpus.Select(cpu => new InterruptBar(cpu, facts.Numa.NodeOfCpu(cpu), irqs.Sum(i => i.CountOnCpu(cpu)))).ToList();
        return new InterruptChart($"Interrupts of {name} per CPU ({summary.IrqCount} IRQs)", bars, home);
    }

    /// <summary>Average request size per layer, from the top of the affected device's stack down to its physical devices.</summary>
    internal static RequestSizeChart? RequestSizes(HostFacts facts, Diagnostic finding)
    {
        if (facts.Iostat.Records.Count == 0) return null;
        var layers = finding.Scope switch
        {
            "blockDevice" => StackAbove(facts, finding.Instance),
            "dmDevice" or "dmTarget" when facts.DeviceMapper.Devices.FirstOrDefault(d => d.Name == finding.Instance) is { } dm
                => [dm.KernelName.Length > 0 ? dm.KernelName : dm.Name, .. dm.PhysicalDevices],
            _ => [],
        };
        var bars = new List<RequestSizeBar>();
        foreach (var layer in layers.Distinct())
        {
            var names = NamesOf(facts, layer);
            var record = facts.Iostat.Records
                .Where(r => names.Contains(r.Device) && r.AverageRequestKiB is not null)
                .OrderByDescending(r => r.Report)
                .FirstOrDefault();
            if (record is not null)
            {
                bars.Add(new RequestSizeBar(names[^1], record.AverageRequestKiB!.Value));
            }
        }

        return bars.Count >= 2 ? new RequestSizeChart($"Average request size per layer above {finding.Instance}", bars) : null;
    }

    /// <summary>The device with every device stacked on it, topmost first, the device itself last.</summary>
    private static List<string> StackAbove(HostFacts facts, string device)
    {
        var result = new List<string>();
        var seen = new HashSet<string>();
        void Visit(string name)
        {
            if (!seen.Add(name) || facts.FindBlockDevice(name) is not { } block) return;
            foreach (var holder in block.Holders) Visit(holder);
            result.Add(name);
        }

        Visit(device);
        return result;
    }

    /// <summary>Names iostat may use for a device: its kernel name and, for dm devices, its mapper name (last = the one shown).</summary>
    private static List<string> NamesOf(HostFacts facts, string kernelName)
    {
        var names = new List<string> { kernelName };
        if (facts.FindBlockDevice(kernelName) is { DeviceMapperName.IsPresent: true } block)
        {
            names.Add(block.DeviceMapperName.Value);
        }

        return names;
    }
}
