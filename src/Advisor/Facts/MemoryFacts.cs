namespace Advisor.Facts;

/// <summary>Installed memory as the kernel sees it: <c>proc/meminfo</c>, else <c>free</c>.</summary>
public sealed class MemoryFacts
{
    public Fact<long> TotalKiB { get; set; } = Fact<long>.Missing("neither proc/meminfo nor free output");
    public Fact<long> AvailableKiB { get; set; } = Fact<long>.Missing("neither proc/meminfo nor free output");

    /// <summary>Every proc/meminfo counter by name (values in kB, HugePages_* as counts).</summary>
    public Dictionary<string, Fact<long>> Meminfo { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Total memory in GiB (0 when unknown), for thresholds such as vm.dirty_ratio against RAM.</summary>
    public double TotalGiB => TotalKiB.IsPresent ? TotalKiB.Value / 1048576.0 : 0;
}
