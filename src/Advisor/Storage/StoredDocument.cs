namespace Advisor.Storage;

/// <summary>A JSON document kept per bundle (facts) or per analysis: stored as text so its shape can evolve.</summary>
public sealed class StoredDocument
{
    public string Id { get; set; } = "";
    public string BundleId { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string RuleSetVersion { get; set; } = "";
    public string Json { get; set; } = "";
}
