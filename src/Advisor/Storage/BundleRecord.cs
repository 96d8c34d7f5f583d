namespace Advisor.Storage;

/// <summary>One ingested bundle; its id is the SHA-256 of the archive, so the same bundle is stored once.</summary>
/// <remarks>
/// LiteDB reads an empty string back as null (<c>EmptyStringToNull</c>), so the text properties turn null into
/// empty: a bundle with no host name (a partial or hostile read) must list and report like any other.
/// </remarks>
public sealed class BundleRecord
{
    public string Id { get; set => field = value ?? ""; } = "";
    public string FileName { get; set => field = value ?? ""; } = "";
    public string Hostname { get; set => field = value ?? ""; } = "";
    public string KernelRelease { get; set => field = value ?? ""; } = "";
    public string? CaseId { get; set; }
    public DateTime IngestedAt { get; set; }
    public string Format { get; set => field = value ?? ""; } = "";
    public string Decoder { get; set => field = value ?? ""; } = "";
    public int EntryCount { get; set; }
    public int CapturedCount { get; set; }
    public string? TruncationReason { get; set; }

    /// <summary>Why the archive is not the one its checksum file names; null when it matched or had none.</summary>
    public string? ChecksumMismatch { get; set; }
    public List<string> Warnings { get; set; } = [];

    /// <summary>Active findings by severity in the latest analysis.</summary>
    public FindingCounts FindingCounts { get; set; } = new();

    /// <summary>The first 12 characters of the id, as listings show it.</summary>
    [LiteDB.BsonIgnore]
    public string ShortId => Id.Length > 12 ? Id[..12] : Id;
}
