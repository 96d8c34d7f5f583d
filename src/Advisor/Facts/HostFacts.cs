namespace Advisor.Facts;

/// <summary>Everything Advisor understood about one host, each value with its evidence.</summary>
public sealed class HostFacts
{
    public Fact<string> Hostname { get; set; } = Fact<string>.Missing("no hostname file");
    public KernelFacts Kernel { get; set; } = new();
    public OsFacts Os { get; set; } = new();
    public PackageFacts Packages { get; set; } = new();
    public CpuFacts Cpu { get; set; } = new();
    public NumaFacts Numa { get; set; } = new();
    public PlatformFacts Platform { get; set; } = new();
    public MemoryFacts Memory { get; set; } = new();
    public List<BlockDevice> BlockDevices { get; set; } = [];
    public List<DeviceMapperTarget> DeviceMapperTargets { get; set; } = [];
    public DeviceMapperFacts DeviceMapper { get; set; } = new();
    public IostatFacts Iostat { get; set; } = new();
    public List<Nic> Nics { get; set; } = [];
    public List<Irq> Irqs { get; set; } = [];
    public ClocksourceFacts Clocksource { get; set; } = new();
    public KernelLogFacts KernelLog { get; set; } = new();
    public SettingsFacts Settings { get; set; } = new();
    public List<PciDevice> PciDevices { get; set; } = [];
    public ServiceFacts Services { get; set; } = new();

    /// <summary>Inputs that were present but could not be used, with the reason; shown to engineers.</summary>
    public List<string> ParseWarnings { get; set; } = [];

    /// <summary>The block device with kernel name <paramref name="name"/>, or null.</summary>
    public BlockDevice? FindBlockDevice(string name) => BlockDevices.FirstOrDefault(d => d.Name == name);

    /// <summary>The interface named <paramref name="name"/>, or null.</summary>
    public Nic? FindNic(string name) => Nics.FirstOrDefault(n => n.Name == name);

    /// <summary>The PCI function at <paramref name="address"/> (with or without the <c>0000:</c> domain), or null.</summary>
    public PciDevice? FindPciDevice(string address) =>
        PciDevices.FirstOrDefault(p => p.Address == address || p.Address == "0000:" + address);
}
