namespace Advisor.Storage;

/// <summary>A captured bundle file kept so facts can be rebuilt and evidence shown without the bundle.</summary>
public sealed class StoredFile
{
    /// <summary><c>bundleId:path</c>.</summary>
    public string Id { get; set; } = "";
    public string BundleId { get; set; } = "";
    public string Path { get; set; } = "";
    public string Text { get; set; } = "";
    public long Size { get; set; }
    public bool Truncated { get; set; }
}
