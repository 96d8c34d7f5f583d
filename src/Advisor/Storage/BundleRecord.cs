namespace Advisor.Storage;

/// <summary>One ingested bundle; its id is the SHA-256 of the archive, so the same bundle is stored once.</summary>
public sealed class BundleRecord
{
    public string Id { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Hostname { get; set; } = "";
    public string KernelRelease { get; set; } = "";
    public string? CaseId { get; set; }
    public DateTime IngestedAt { get; set; }
    public string Format { get; set; } = "";
    public string Decoder { get; set; } = "";
    public int EntryCount { get; set; }
    public int CapturedCount { get; set; }
    public string? TruncationReason { get; set; }
    public List<string> Warnings { get; set; } = [];

    /// <summary>Active findings by severity in the latest analysis.</summary>
    public FindingCounts FindingCounts { get; set; } = new();

    /// <summary>The first 12 characters of the id, as listings show it.</summary>
    [LiteDB.BsonIgnore]
    public string ShortId => Id.Length > 12 ? Id[..12] : Id;
}
