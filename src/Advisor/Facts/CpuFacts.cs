namespace Advisor.Facts;

public sealed class CpuFacts
{
    public Fact<string> ModelName { get; set; } = Fact<string>.Missing("no lscpu output");
    public Fact<int> Sockets { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> LogicalCpus { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> Family { get; set; } = Fact<int>.Missing("no lscpu output");
    public Fact<int> Model { get; set; } = Fact<int>.Missing("no lscpu output");
    /// <summary>lscpu's "Hypervisor vendor", present only inside a virtual machine.</summary>
    public Fact<string> HypervisorVendor { get; set; } = Fact<string>.Missing("lscpu names no hypervisor");
}
