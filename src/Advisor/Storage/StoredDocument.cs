namespace Advisor.Storage;

/// <summary>
/// A document kept per bundle (facts, entry list) or per analysis, stored as text so its shape can evolve: an
/// analysis as JSON in <see cref="Json"/>; the large per-bundle documents as compressed text in
/// <see cref="Compressed"/> (schema 3; see <see cref="CompressedText"/>).
/// </summary>
public sealed class StoredDocument
{
    public string Id { get; set; } = "";
    public string BundleId { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string RuleSetVersion { get; set; } = "";
    public string Json { get; set; } = "";

    /// <summary>Facts (JSON) or the entry list (<c>path\tsize</c> lines), as gzip-compressed UTF-8.</summary>
    public byte[]? Compressed { get; set; }
}
