using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>The kinds of instance a rule can run once per, with the parameter name its expressions use.</summary>
public static class RuleScopes
{
    public sealed record Scope(string Name, string ParameterName, Type InstanceType, Func<HostFacts, IEnumerable<(object Instance, string Label)>> Instances);

    public static readonly IReadOnlyDictionary<string, Scope> All = new Dictionary<string, Scope>(StringComparer.Ordinal)
    {
        ["host"] = new("host", "host", typeof(HostFacts), h => [(h, h.Hostname.IsPresent ? h.Hostname.Value : "host")]),
        ["blockDevice"] = new("blockDevice", "device", typeof(BlockDevice), h => h.BlockDevices.Select(d => ((object)d, d.Name))),
        ["dmTarget"] = new("dmTarget", "target", typeof(DeviceMapperTarget), h => h.DeviceMapperTargets.Select(t => ((object)t, t.Device))),
        ["dmDevice"] = new("dmDevice", "dm", typeof(DeviceMapperDevice), h => h.DeviceMapper.Devices.Select(d => ((object)d, d.Name))),
        ["logicalVolume"] = new("logicalVolume", "lv", typeof(LogicalVolume), h => h.DeviceMapper.LogicalVolumes.Select(l => ((object)l, $"{l.VolumeGroup}/{l.Name}"))),
        ["iostat"] = new("iostat", "stat", typeof(IostatRecord), h => h.Iostat.Records.Select(r => ((object)r, $"{r.Device} (report {r.Report})"))),
        ["nic"] = new("nic", "nic", typeof(Nic), h => h.Nics.Select(n => ((object)n, n.Name))),
        ["irq"] = new("irq", "irq", typeof(Irq), h => h.Irqs.Select(i => ((object)i, i.Device.Length > 0 ? $"IRQ {i.Number} ({i.Device})" : $"IRQ {i.Number}"))),
        ["dmesgLine"] = new("dmesgLine", "line", typeof(DmesgLine), h => h.KernelLog.Lines.Select(l => ((object)l, $"{l.Source.Path}:{l.Source.Line}"))),
        ["cpuSocket"] = new("cpuSocket", "socket", typeof(ProcessorSocket), h => h.Platform.Processors.Select(p => ((object)p, p.Designation))),
        ["numaNode"] = new("numaNode", "node", typeof(NumaNode), h => h.Numa.Nodes.Select(n => ((object)n, $"node{n.Id}"))),
        ["pciDevice"] = new("pciDevice", "pci", typeof(PciDevice), h => h.PciDevices.Select(p => ((object)p, p.Address))),
    };
}
