namespace Advisor.Facts;

/// <summary>A network interface: <c>ethtool -i</c>, its NUMA node, and its interrupts.</summary>
public sealed class Nic
{
    public string Name { get; set; } = "";

    /// <summary><c>ethtool -i</c> driver, e.g. <c>mlx5_core</c>, <c>virtio_net</c>.</summary>
    public Fact<string> Driver { get; set; } = Fact<string>.Missing("no ethtool -i output");

    /// <summary><c>ethtool -i</c> version: in-box mlx5 prints <c>5.0-0</c> or the kernel release, OFED its own release.</summary>
    public Fact<string> DriverVersion { get; set; } = Fact<string>.Missing("no ethtool -i output");

    public Fact<string> FirmwareVersion { get; set; } = Fact<string>.Missing("no ethtool -i output");

    /// <summary><c>ethtool -i</c> bus-info: a PCI address such as <c>0000:3b:00.0</c> for a PCI NIC.</summary>
    public Fact<string> BusInfo { get; set; } = Fact<string>.Missing("no ethtool -i output");

    /// <summary><c>sys/class/net/&lt;if&gt;/device/numa_node</c>; -1 means the kernel does not know.</summary>
    public Fact<int> NumaNode { get; set; } = Fact<int>.Missing("no sys/class/net/<if>/device/numa_node file");

    /// <summary>True when the interface has a device behind it (not a bridge, veth, tunnel or loopback).</summary>
    public bool IsPhysical { get; set; }

    /// <summary>The IRQs whose proc/interrupts name carries the interface name or its PCI address.</summary>
    public IrqSummary Interrupts { get; set; } = new();

    public bool IsPci => BusInfo.IsPresent && BusInfo.Value.Count(c => c == ':') == 2 && BusInfo.Value.Contains('.', StringComparison.Ordinal);

    /// <summary>Share (0–1) of the NIC's interrupts served outside its own node; 0 when the node is unknown.</summary>
    public double OffNodeInterruptShare => NumaNode.IsPresent && NumaNode.Value >= 0 ? Interrupts.OffNodeShare(NumaNode.Value) : 0;

    /// <summary>How many of its IRQs may run outside its own node; 0 when the node is unknown.</summary>
    public int IrqsAffinedOffNode => NumaNode.IsPresent && NumaNode.Value >= 0 ? Interrupts.IrqsAffinedOffNode(NumaNode.Value) : 0;

    /// <summary>The NUMA node that served most of this NIC's interrupts (-1 when unknown): where its interrupts land, as a diff compares it.</summary>
    public int InterruptsServedMostlyOnNode =>
        Interrupts.TotalCount == 0 || Interrupts.ByNode.Count == 0 ? -1 : Interrupts.ByNode.MaxBy(n => n.Count)!.Node;
}
