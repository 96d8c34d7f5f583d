namespace Advisor.Facts;

/// <summary>Every <c>iostat -x</c> report found in the bundle, normalised.</summary>
public sealed class IostatFacts
{
    /// <summary>The file the records came from.</summary>
    public Fact<string> SourceFile { get; set; } = Fact<string>.Missing("no iostat -x output in the bundle");

    public int Reports { get; set; }

    public List<IostatRecord> Records { get; set; } = [];

    /// <summary>The rows of the last report (the most recent interval).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<IostatRecord> LastReport => [.. Records.Where(r => r.Report == Reports)];

    /// <summary>The rows for one device, in report order.</summary>
    public List<IostatRecord> ForDevice(string device) => [.. Records.Where(r => r.Device == device)];
}
