namespace Advisor.Facts;

/// <summary>One kernel log line: <c>[   12.345678] nvme nvme0: controller is down; will reset…</c>.</summary>
public sealed class DmesgLine
{
    /// <summary>Seconds since boot from the <c>[ 12.345678]</c> stamp, or null when the line has none.</summary>
    public double? Time { get; set; }

    /// <summary>The subsystem/driver prefix: <c>nvme</c>, <c>sd</c>, <c>EDAC MC0</c>, <c>mce</c>, <c>ata1</c>, <c>pci</c>…; empty when none.</summary>
    public string Subsystem { get; set; } = "";

    /// <summary>The device the prefix names: <c>nvme0</c>, <c>0:0:0:0</c>, <c>0000:3b:00.0</c>; empty when none.</summary>
    public string Device { get; set; } = "";

    /// <summary>The text after the stamp and prefix.</summary>
    public string Message { get; set; } = "";

    /// <summary>The whole line after the time stamp (what grep-style conditions should match).</summary>
    public string Text { get; set; } = "";

    public Evidence Source { get; set; } = new("", 0, "");

    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Fact<string>.Of(Source.Text, Source);

    public bool Contains(string text) => Text.Contains(text, StringComparison.Ordinal);
}
