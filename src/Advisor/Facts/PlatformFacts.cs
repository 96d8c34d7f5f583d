namespace Advisor.Facts;

public sealed class PlatformFacts
{
    public Fact<string> Vendor { get; set; } = Fact<string>.Missing("no dmidecode output");
    public Fact<string> Product { get; set; } = Fact<string>.Missing("no dmidecode output");

    /// <summary><c>none</c> on bare metal; otherwise the hypervisor or container kind (<c>kvm</c>, <c>vmware</c>, <c>lxc</c>…).</summary>
    public Fact<string> Virtualization { get; set; } = Fact<string>.Missing("neither dmidecode nor lscpu tells bare metal from a VM");

    public bool IsBareMetal => Virtualization.IsPresent && Virtualization.Value == "none";
}
