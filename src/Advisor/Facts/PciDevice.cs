namespace Advisor.Facts;

/// <summary>A PCI function from <c>lspci -vv</c> and/or <c>sys/bus/pci/devices/&lt;addr&gt;/</c>, with its PCIe link.</summary>
public sealed class PciDevice
{
    /// <summary>Full address with domain, e.g. <c>0000:3b:00.0</c>.</summary>
    public string Address { get; set; } = "";

    /// <summary>The lspci title after the address, e.g. <c>Ethernet controller: Mellanox … [ConnectX-5]</c>.</summary>
    public string Description { get; set; } = "";

    /// <summary>The class part of the title, e.g. <c>Ethernet controller</c>, <c>Non-Volatile memory controller</c>.</summary>
    public string Class { get; set; } = "";

    public Fact<string> Driver { get; set; } = Fact<string>.Missing("no 'Kernel driver in use' line");

    /// <summary>Link capability speed in GT/s (LnkCap or max_link_speed).</summary>
    public Fact<double> MaxSpeed { get; set; } = Fact<double>.Missing("no LnkCap line or max_link_speed file");
    public Fact<int> MaxWidth { get; set; } = Fact<int>.Missing("no LnkCap line or max_link_width file");

    /// <summary>Negotiated speed in GT/s (LnkSta or current_link_speed).</summary>
    public Fact<double> Speed { get; set; } = Fact<double>.Missing("no LnkSta line or current_link_speed file");
    public Fact<int> Width { get; set; } = Fact<int>.Missing("no LnkSta line or current_link_width file");

    public Fact<int> NumaNode { get; set; } = Fact<int>.Missing("no numa_node file");

    public Evidence? Source { get; set; }

    /// <summary>True when both link speed and width are known and either is below capability.</summary>
    public bool IsLinkDegraded =>
        MaxSpeed.IsPresent && Speed.IsPresent && MaxWidth.IsPresent && Width.IsPresent
        && (Speed.Value < MaxSpeed.Value || Width.Value < MaxWidth.Value);

    /// <summary>Display controllers (GPUs) lower their link at idle: do not judge them.</summary>
    public bool IsDisplay => Class.Contains("VGA", StringComparison.Ordinal) || Class.Contains("Display", StringComparison.Ordinal) || Class.Contains("3D controller", StringComparison.Ordinal);

    /// <summary>Bridges and root ports.</summary>
    public bool IsBridge => Class.Contains("bridge", StringComparison.OrdinalIgnoreCase);

    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Source is null ? Fact<string>.Missing("no lspci line") : Fact<string>.Of(Source.Text, Source);
}
