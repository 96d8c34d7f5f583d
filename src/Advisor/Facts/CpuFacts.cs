namespace Advisor.Facts;

public sealed class CpuFacts
{
    public Fact<string> ModelName { get; set; } = Fact<string>.Missing("no lscpu output");
    /// <summary><c>GenuineIntel</c>, <c>AuthenticAMD</c>…</summary>
    public Fact<string> Vendor { get; set; } = Fact<string>.Missing("no lscpu output");
    public Fact<int> Sockets { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> LogicalCpus { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> CoresPerSocket { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> ThreadsPerCore { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> Family { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> Model { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> Stepping { get; set; } = Fact<int>.Missing("no lscpu output");
    /// <summary>lscpu's <c>NUMA node(s)</c>.</summary>
    public Fact<int> NumaNodeCount { get; set; } = Fact<int>.Missing("no lscpu output");
    /// <summary>lscpu's "Hypervisor vendor", present only inside a virtual machine.</summary>
    public Fact<string> HypervisorVendor { get; set; } = Fact<string>.Missing("lscpu names no hypervisor");
    /// <summary>CPU feature flags (lscpu <c>Flags</c> or the first <c>flags</c> line of proc/cpuinfo).</summary>
    public Fact<List<string>> Flags { get; set; } = Fact<List<string>>.Missing("neither lscpu nor proc/cpuinfo lists CPU flags");

    /// <summary>cpufreq per CPU: <c>sys/devices/system/cpu/cpuN/cpufreq/scaling_governor</c> and <c>scaling_driver</c>.</summary>
    public List<CpuFrequencyPolicy> Frequency { get; set; } = [];

    /// <summary><c>sys/devices/system/cpu/vulnerabilities/*</c>.</summary>
    public List<CpuVulnerability> Vulnerabilities { get; set; } = [];

    /// <summary><c>sys/devices/system/cpu/cpuN/thermal_throttle/*_throttle_count</c>.</summary>
    public List<ThermalThrottleCount> ThermalThrottles { get; set; } = [];

    public bool HasFlag(string flag) => Flags.IsPresent && Flags.Value.Contains(flag, StringComparer.Ordinal);

    /// <summary>The distinct governors in use, in CPU order (e.g. <c>["ondemand"]</c>).</summary>
    public List<string> Governors => [.. Frequency.Where(f => f.Governor.IsPresent).Select(f => f.Governor.Value).Distinct()];

    /// <summary>The distinct cpufreq drivers (<c>intel_pstate</c>, <c>acpi-cpufreq</c>…).</summary>
    public List<string> FrequencyDrivers => [.. Frequency.Where(f => f.Driver.IsPresent).Select(f => f.Driver.Value).Distinct()];

    /// <summary>The status of one vulnerability file (<c>meltdown</c> → <c>Mitigation: PTI</c>); missing when not collected.</summary>
    public Fact<string> Vulnerability(string name) =>
        Vulnerabilities.FirstOrDefault(v => v.Name == name)?.Status ?? Fact<string>.Missing($"no vulnerabilities/{name} file");

    /// <summary>Sum of every collected throttle counter of the given kind (<c>core</c> or <c>package</c>).</summary>
    public long TotalThrottles(string kind) => ThermalThrottles.Where(t => t.Kind == kind && t.Count.IsPresent).Sum(t => t.Count.Value);
}
