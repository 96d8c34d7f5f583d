namespace Advisor.Facts;

/// <summary>Interrupt counts of a device's IRQs on one NUMA node.</summary>
public sealed class NodeInterrupts
{
    public int Node { get; set; }

    /// <summary>Interrupts served on this node's CPUs.</summary>
    public long Count { get; set; }

    /// <summary>IRQs whose affinity CPUs all belong to this node.</summary>
    public int IrqsAffinedHere { get; set; }
}
