namespace Advisor.Facts;

/// <summary>Everything Advisor understood about one host, each value with its evidence.</summary>
public sealed class HostFacts
{
    public Fact<string> Hostname { get; set; } = Fact<string>.Missing("no hostname file");
    public KernelFacts Kernel { get; set; } = new();
    public OsFacts Os { get; set; } = new();
    public CpuFacts Cpu { get; set; } = new();
    public NumaFacts Numa { get; set; } = new();
    public PlatformFacts Platform { get; set; } = new();
    public List<BlockDevice> BlockDevices { get; set; } = [];
    public List<DeviceMapperTarget> DeviceMapperTargets { get; set; } = [];
    public ClocksourceFacts Clocksource { get; set; } = new();

    /// <summary>Inputs that were present but could not be used, with the reason; shown to engineers.</summary>
    public List<string> ParseWarnings { get; set; } = [];
}
