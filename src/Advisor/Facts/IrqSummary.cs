namespace Advisor.Facts;

/// <summary>The interrupts of one device (a NIC, an NVMe controller): which IRQs, and where they were served.</summary>
public sealed class IrqSummary
{
    /// <summary>IRQ numbers, as in the first column of proc/interrupts.</summary>
    public List<string> Irqs { get; set; } = [];

    /// <summary>The proc/interrupts rows of these IRQs, as facts a rule can list as evidence.</summary>
    public List<Fact<string>> Lines { get; set; } = [];

    /// <summary>The collected affinity lists of these IRQs (effective where collected, else configured), for evidence.</summary>
    public List<Fact<string>> Affinities { get; set; } = [];

    /// <summary>Sum of every count of these IRQs on every CPU.</summary>
    public long TotalCount { get; set; }

    /// <summary>Per NUMA node: interrupts served there, and how many of the IRQs have their affinity only there.</summary>
    public List<NodeInterrupts> ByNode { get; set; } = [];

    /// <summary>Interrupts served on CPUs that no NUMA node lists (no node map collected).</summary>
    public long UnmappedCount { get; set; }

    /// <summary>The most IRQs whose affinity (effective, else configured) is one and the same single CPU.</summary>
    public int MaxIrqsOnOneCpu { get; set; }

    /// <summary>That CPU, or -1.</summary>
    public int BusiestCpu { get; set; } = -1;

    /// <summary>How many of the IRQs have a collected affinity list (smp_affinity_list or effective_affinity_list).</summary>
    public int IrqsWithAffinity { get; set; }

    public int IrqCount => Irqs.Count;

    /// <summary>True when the counts could be mapped to NUMA nodes (a node map was collected).</summary>
    public bool HasNodeMap => ByNode.Count > 0;

    /// <summary>Interrupts served on <paramref name="node"/>'s CPUs.</summary>
    public long CountOnNode(int node) => ByNode.Where(n => n.Node == node).Sum(n => n.Count);

    /// <summary>Interrupts served on CPUs outside <paramref name="node"/> (including unmapped CPUs).</summary>
    public long CountOffNode(int node) => TotalCount - CountOnNode(node);

    /// <summary>Share (0–1) of interrupts served outside <paramref name="node"/>; 0 when there were none or no node map.</summary>
    public double OffNodeShare(int node) => TotalCount == 0 || !HasNodeMap ? 0 : (double)CountOffNode(node) / TotalCount;

    /// <summary>
    /// How many of the IRQs may run on a CPU outside <paramref name="node"/> (affinity list not within the node);
    /// IRQs whose affinity was not collected are not counted.
    /// </summary>
    public int IrqsAffinedOffNode(int node) => HasNodeMap ? IrqsWithAffinity - ByNode.Where(n => n.Node == node).Sum(n => n.IrqsAffinedHere) : 0;
}
