namespace Advisor.Facts;

/// <summary>One CPU's cpufreq governor and driver.</summary>
public sealed class CpuFrequencyPolicy
{
    public int Cpu { get; set; }
    public Fact<string> Governor { get; set; } = Fact<string>.Missing("no scaling_governor file");
    public Fact<string> Driver { get; set; } = Fact<string>.Missing("no scaling_driver file");
}
