using System.Text.Json.Serialization;

namespace Advisor.Reporting.Sarif;

// The part of the SARIF 2.1.0 object model Advisor writes (OASIS SARIF 2.1.0, sarif-schema-2.1.0.json).
// Property names follow the spec through camelCase serialisation; null properties are left out.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

public sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyList<SarifResult> Results,
    SarifPropertyBag? Properties = null);

public sealed record SarifTool(SarifToolComponent Driver);

public sealed record SarifToolComponent(
    string Name,
    string Version,
    string? InformationUri,
    IReadOnlyList<SarifReportingDescriptor> Rules);

public sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMessageString ShortDescription,
    SarifMessageString FullDescription,
    SarifMessageString? Help,
    string? HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifPropertyBag Properties);

public sealed record SarifMessageString(string Text, string? Markdown = null);

public sealed record SarifConfiguration(string Level);

public sealed record SarifPropertyBag
{
    public string? Category { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Scope { get; init; }
    public string? Instance { get; init; }
    public string? BundleId { get; init; }
    public string? Hostname { get; init; }
    public string? KernelRelease { get; init; }
    public string? RuleSetVersion { get; init; }
    public string? KbArticle { get; init; }
}

public sealed record SarifInvocation(
    bool ExecutionSuccessful,
    string? EndTimeUtc,
    IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

public sealed record SarifNotification(
    SarifMessage Message,
    string Level,
    SarifReportingDescriptorReference? AssociatedRule = null);

public sealed record SarifReportingDescriptorReference(string Id, int? Index = null);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<SarifSuppression>? Suppressions,
    SarifPropertyBag Properties);

public sealed record SarifMessage(string Text);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, int? Id = null, SarifMessage? Message = null);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

public sealed record SarifArtifactLocation(string? Uri, string? UriBaseId = null, SarifMessage? Description = null);

public sealed record SarifRegion(int StartLine, SarifArtifactContent? Snippet = null);

public sealed record SarifArtifactContent(string Text);

public sealed record SarifSuppression(string Kind, string Justification);
