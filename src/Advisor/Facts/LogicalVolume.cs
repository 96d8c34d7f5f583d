namespace Advisor.Facts;

/// <summary>One row of <c>lvs</c>: LV, VG, attributes, size, origin, devices.</summary>
public sealed class LogicalVolume
{
    public string Name { get; set; } = "";
    public string VolumeGroup { get; set; } = "";
    /// <summary>lv_attr, e.g. <c>swi-a-s---</c> (s = snapshot, o = origin, C = cache…).</summary>
    public string Attributes { get; set; } = "";
    public string Size { get; set; } = "";
    /// <summary>For a snapshot, the origin LV.</summary>
    public string Origin { get; set; } = "";
    /// <summary>lvs <c>Devices</c>, e.g. <c>/dev/nvme1n1(0)</c>.</summary>
    public string Devices { get; set; } = "";
    public Evidence? Source { get; set; }

    public bool IsSnapshot => Attributes.Length > 0 && Attributes[0] is 's' or 'S';
    public bool IsOrigin => Attributes.Length > 0 && Attributes[0] is 'o' or 'O';
    public bool IsThin => Attributes.Length > 0 && Attributes[0] is 'V' or 't';

    /// <summary>The line as a fact, for evidence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Source is null ? Fact<string>.Missing("no lvs line") : Fact<string>.Of(Source.Text, Source);
}
