namespace Advisor.Facts;

public sealed class PlatformFacts
{
    public Fact<string> Vendor { get; set; } = Fact<string>.Missing("no dmidecode output");
    public Fact<string> Product { get; set; } = Fact<string>.Missing("no dmidecode output");

    /// <summary><c>none</c> on bare metal; otherwise the hypervisor or container kind (<c>kvm</c>, <c>vmware</c>, <c>lxc</c>…).</summary>
    public Fact<string> Virtualization { get; set; } = Fact<string>.Missing("neither dmidecode nor lscpu tells bare metal from a VM");

    public bool IsBareMetal => Virtualization.IsPresent && Virtualization.Value == "none";

    public Fact<string> BiosVendor { get; set; } = Fact<string>.Missing("no dmidecode BIOS Information record");
    public Fact<string> BiosVersion { get; set; } = Fact<string>.Missing("no dmidecode BIOS Information record");
    public Fact<string> BiosDate { get; set; } = Fact<string>.Missing("no dmidecode BIOS Information record");
    public Fact<string> BoardVendor { get; set; } = Fact<string>.Missing("no dmidecode Base Board Information record");
    public Fact<string> BoardProduct { get; set; } = Fact<string>.Missing("no dmidecode Base Board Information record");

    /// <summary>dmidecode type 4 records, one per socket (populated or not).</summary>
    public List<ProcessorSocket> Processors { get; set; } = [];

    /// <summary>dmidecode type 17 records, one per memory slot.</summary>
    public List<MemoryDevice> MemoryDevices { get; set; } = [];

    /// <summary>EDAC memory controllers: <c>sys/devices/system/edac/mc/mcN/{ce,ue}_count</c>.</summary>
    public List<MemoryController> MemoryControllers { get; set; } = [];

    public int PopulatedSockets => Processors.Count(p => p.IsPopulated);

    /// <summary>Sockets whose status is <c>Populated, Enabled</c>.</summary>
    public int EnabledSockets => Processors.Count(p => p.IsEnabled);

    public long CorrectedMemoryErrors => MemoryControllers.Where(m => m.CorrectedErrors.IsPresent).Sum(m => m.CorrectedErrors.Value);
}
