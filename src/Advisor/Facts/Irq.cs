namespace Advisor.Facts;

/// <summary>One row of <c>proc/interrupts</c> with its affinity from <c>proc/irq/&lt;n&gt;/</c>.</summary>
public sealed class Irq
{
    /// <summary>The first column: a number (<c>24</c>) or a name (<c>NMI</c>, <c>LOC</c>).</summary>
    public string Number { get; set; } = "";

    /// <summary>True for numbered device interrupts (not NMI/LOC/… summary rows).</summary>
    public bool IsDevice { get; set; }

    /// <summary>Count per CPU column (CPU0, CPU1…; the header names the CPUs).</summary>
    public List<long> Counts { get; set; } = [];

    /// <summary>The CPU numbers of the columns (from the header), same order as <see cref="Counts"/>.</summary>
    public List<int> Cpus { get; set; } = [];

    public long Total { get; set; }

    /// <summary>The interrupt chip, e.g. <c>IR-PCI-MSI</c>, <c>PCI-MSIX-0000:3b:00.0</c>, <c>IO-APIC</c>.</summary>
    public string Chip { get; set; } = "";

    /// <summary>The hardware IRQ / edge-level column, e.g. <c>524288-edge</c>.</summary>
    public string HardwareIrq { get; set; } = "";

    /// <summary>The action names as printed (may list several, comma-separated).</summary>
    public string Name { get; set; } = "";

    /// <summary>The first action without its <c>@pci:…</c> suffix, e.g. <c>mlx5_comp3</c>, <c>nvme0q4</c>, <c>eth0-TxRx-2</c>.</summary>
    public string Device { get; set; } = "";

    /// <summary>A PCI address found in the name or chip, e.g. <c>0000:3b:00.0</c>.</summary>
    public string PciAddress { get; set; } = "";

    /// <summary>Queue number in the name (<c>nvme0q4</c> → 4, <c>mlx5_comp3</c> → 3), or -1.</summary>
    public int Queue { get; set; } = -1;

    /// <summary><c>proc/irq/&lt;n&gt;/smp_affinity_list</c>.</summary>
    public Fact<string> AffinityList { get; set; } = Fact<string>.Missing("no smp_affinity_list file");

    /// <summary><c>proc/irq/&lt;n&gt;/effective_affinity_list</c>.</summary>
    public Fact<string> EffectiveAffinityList { get; set; } = Fact<string>.Missing("no effective_affinity_list file");

    /// <summary>The CPUs it may run on: the effective affinity when collected, else the configured one.</summary>
    public List<int> AffinityCpus { get; set; } = [];

    /// <summary>Kernel-managed affinity (NVMe I/O queues and similar): writes to smp_affinity fail, never advise moving it.</summary>
    public bool IsManaged { get; set; }

    /// <summary>Counts per NUMA node (node, count), when the node map is known.</summary>
    public List<NodeInterrupts> ByNode { get; set; } = [];

    public Evidence Source { get; set; } = new("", 0, "");

    /// <summary>The proc/interrupts row as a fact, for evidence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Fact<string>.Of(Source.Text, Source);

    /// <summary>The count on CPU <paramref name="cpu"/>, 0 if that CPU has no column.</summary>
    public long CountOnCpu(int cpu)
    {
        var index = Cpus.IndexOf(cpu);
        return index >= 0 && index < Counts.Count ? Counts[index] : 0;
    }
}
