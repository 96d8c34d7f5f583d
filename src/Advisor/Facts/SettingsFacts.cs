namespace Advisor.Facts;

/// <summary>Kernel tunables: <c>sysctl -a</c>, transparent hugepages, <c>proc/vmstat</c> counters.</summary>
public sealed class SettingsFacts
{
    /// <summary>Every <c>key = value</c> of <c>sysctl -a</c>, keys in dotted form (<c>vm.zone_reclaim_mode</c>).</summary>
    public Dictionary<string, Fact<string>> Sysctls { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>sys/kernel/mm/transparent_hugepage/enabled</c>: the bracketed choice (<c>always</c>, <c>madvise</c>, <c>never</c>).</summary>
    public Fact<string> TransparentHugepageEnabled { get; set; } = Fact<string>.Missing("no transparent_hugepage/enabled file");

    /// <summary><c>sys/kernel/mm/transparent_hugepage/defrag</c>: the bracketed choice.</summary>
    public Fact<string> TransparentHugepageDefrag { get; set; } = Fact<string>.Missing("no transparent_hugepage/defrag file");

    /// <summary><c>proc/vmstat</c> counters by name.</summary>
    public Dictionary<string, Fact<long>> Vmstat { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One sysctl as a fact; missing when not collected.</summary>
    public Fact<string> Sysctl(string key) =>
        Sysctls.GetValueOrDefault(key) ?? Fact<string>.Missing(Sysctls.Count == 0 ? "no sysctl -a output" : $"sysctl -a has no {key}");

    /// <summary>One sysctl as text, or null.</summary>
    public string? SysctlValue(string key) => Sysctls.GetValueOrDefault(key)?.Value;

    /// <summary>One vmstat counter as a fact; missing when not collected.</summary>
    public Fact<long> VmstatCounter(string name) =>
        Vmstat.GetValueOrDefault(name) ?? Fact<long>.Missing(Vmstat.Count == 0 ? "no proc/vmstat" : $"proc/vmstat has no {name}");

    /// <summary><c>compact_stall</c> from proc/vmstat: direct compaction stalls since boot.</summary>
    public Fact<long> CompactStall => VmstatCounter("compact_stall");
}
