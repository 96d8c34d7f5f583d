namespace Advisor.Facts;

/// <summary>One line of <c>dmsetup table</c>: <c>name: start length type args…</c>.</summary>
public sealed class DeviceMapperTarget
{
    public string Device { get; set; } = "";
    public long Start { get; set; }
    public long Length { get; set; }
    public string Type { get; set; } = "";
    public string Arguments { get; set; } = "";
    public Evidence Source { get; set; } = new("", 0, "");

    /// <summary>The whole table line as a fact, so rules can cite it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Fact<string>.Of(Source.Text, Source);
}
