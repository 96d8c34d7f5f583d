namespace Advisor.Facts;

/// <summary><c>sys/devices/system/cpu/cpuN/thermal_throttle/{core,package}_throttle_count</c>.</summary>
public sealed class ThermalThrottleCount
{
    public int Cpu { get; set; }
    /// <summary><c>core</c> or <c>package</c>.</summary>
    public string Kind { get; set; } = "";
    public Fact<long> Count { get; set; } = Fact<long>.Missing("not collected");
}
