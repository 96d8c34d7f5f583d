using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Reporting.Sarif;
using Advisor.Rules;

namespace Advisor.Reporting;

/// <summary>
/// The SARIF 2.1.0 log: one run whose driver "Advisor" describes every rule (from its rule file and kb article),
/// one result per finding located at its evidence inside the bundle (<c>uriBaseId</c> <c>BUNDLEROOT</c>),
/// suppressed findings with an external suppression, and the checks that could not run as notifications.
/// </summary>
public static class SarifReportWriter
{
    public const string BundleRoot = "BUNDLEROOT";
    public const string FingerprintName = "advisorFinding/v1";
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Default,
    };

    public static string Write(ReportInput input) => JsonSerializer.Serialize(Build(input), Options) + "\n";

    public static SarifLog Build(ReportInput input)
    {
        var docs = input.DocumentationUri is { Length: > 0 } uri ? new Uri(uri.EndsWith('/') ? uri : uri + "/", UriKind.Absolute) : null;
        var descriptors = Descriptors(input, docs);
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var results = input.OrderedFindings.Concat(input.SuppressedFindings).Select(f => Result(f, index[f.Id])).ToList();
        var run = new SarifRun(
            new SarifTool(new SarifToolComponent("Advisor", AdvisorVersion.Text, docs is null ? null : new Uri(docs, "README.md").AbsoluteUri, descriptors)),
            new Dictionary<string, SarifArtifactLocation>
            {
                [BundleRoot] = new(null, null, new SarifMessage($"The top folder of the bundle {input.Bundle.FileName} (id {input.Bundle.Id}); every path is relative to it.")),
            },
            [new SarifInvocation(true, input.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Notifications(input, index))],
            results,
            new SarifPropertyBag
            {
                BundleId = input.Bundle.Id,
                Hostname = input.Facts.Hostname.IsPresent ? input.Facts.Hostname.Value : null,
                KernelRelease = input.Facts.Kernel.Release.IsPresent ? input.Facts.Kernel.Release.Value : null,
                RuleSetVersion = input.Analysis.RuleSetVersion,
            });
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    /// <summary>Stable across runs and machines: the rule, the instance and the primary evidence file.</summary>
    public static string Fingerprint(Diagnostic finding)
    {
        var primary = finding.Evidence.FirstOrDefault()?.Path ?? "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Id}\n{finding.Instance}\n{primary}"));
        return Convert.ToHexStringLower(hash)[..32];
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static List<SarifReportingDescriptor> Descriptors(ReportInput input, Uri? docs)
    {
        var descriptors = new List<SarifReportingDescriptor>();
        foreach (var rule in input.RuleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var article = input.RuleSet.Articles.GetValueOrDefault(rule.Id);
            var summary = article is null ? rule.Title : MarkdownPlainText.Of(article.Section("Summary"));
            var kbPath = $"kb/{rule.Id}.md";
            SeverityNames.TryParse(rule.DefaultSeverity, out var severity);
            descriptors.Add(new SarifReportingDescriptor(
                rule.Id,
                PascalName(rule.Title),
                new SarifMessageString(rule.Title),
                new SarifMessageString(summary),
                new SarifMessageString($"See the knowledge-base article {kbPath}: {summary}", article?.Section("Summary")),
                docs is null ? null : new Uri(docs, kbPath).AbsoluteUri,
                new SarifConfiguration(Level(severity)),
                new SarifPropertyBag { Category = rule.Category, Tags = rule.Tags, Scope = rule.Scope, KbArticle = kbPath }));
        }

        // Advisor's own "a rule failed" diagnostic has no rule file; describe it when it occurs
        if (input.Analysis.Diagnostics.Any(d => d.Id == InternalDiagnostics.RuleFailedId))
        {
            descriptors.Add(new SarifReportingDescriptor(
                InternalDiagnostics.RuleFailedId,
                "RuleFailed",
                new SarifMessageString("A rule could not be evaluated"),
                new SarifMessageString("A rule threw an error while it was evaluated; its check did not run. This is a problem in the rule, not in the host."),
                null,
                null,
                new SarifConfiguration("warning"),
                new SarifPropertyBag { Category = InternalDiagnostics.Category, Tags = ["advisor"] }));
        }

        return descriptors;
    }

    private static SarifResult Result(Diagnostic finding, int ruleIndex)
    {
        var locations = finding.Evidence.Take(1).Select(e => Location(e, null)).ToList();
        var related = finding.Evidence.Skip(1).Select((e, i) => Location(e, i + 1)).ToList();
        return new SarifResult(
            finding.Id,
            ruleIndex,
            Level(finding.Severity),
            new SarifMessage(finding.Message),
            locations,
            related.Count > 0 ? related : null,
            new Dictionary<string, string> { [FingerprintName] = Fingerprint(finding) },
            finding.SuppressionJustification is { } justification ? [new SarifSuppression("external", justification)] : null,
            new SarifPropertyBag { Category = finding.Category, Scope = finding.Scope, Instance = finding.Instance.Length > 0 ? finding.Instance : null });
    }

    private static SarifLocation Location(Evidence evidence, int? id) => new(
        new SarifPhysicalLocation(
            new SarifArtifactLocation(BundleUri(evidence.Path), BundleRoot),
            evidence.Line > 0 ? new SarifRegion(evidence.Line, new SarifArtifactContent(evidence.Text)) : null),
        id,
        id is null ? null : new SarifMessage(evidence.Text));

    /// <summary>A bundle path as a relative URI reference: each segment percent-encoded, so odd names stay one valid path.</summary>
    public static string BundleUri(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private static List<SarifNotification>? Notifications(ReportInput input, IReadOnlyDictionary<string, int> index)
    {
        var notifications = new List<SarifNotification>();
        if (input.Bundle.TruncationReason is { } truncation)
        {
            notifications.Add(new SarifNotification(new SarifMessage($"Incomplete bundle: {truncation}. The analysis covers what could be read."), "error"));
        }

        if (input.Bundle.ChecksumMismatch is { } mismatch)
        {
            notifications.Add(new SarifNotification(new SarifMessage($"Not the archive sos wrote: {mismatch}. Ask for the archive again if the analysis looks incomplete."), "error"));
        }

        foreach (var check in input.Analysis.NotEvaluated.OrderBy(n => n.Id, StringComparer.Ordinal).ThenBy(n => n.Instance, StringComparer.Ordinal))
        {
            var on = check.Instance.Length > 0 ? $" on {check.Instance}" : "";
            notifications.Add(new SarifNotification(
                new SarifMessage($"{check.Id} {check.Title}{on} was not evaluated: missing {string.Join("; ", check.MissingInputs)}"),
                "warning",
                new SarifReportingDescriptorReference(check.Id, index.TryGetValue(check.Id, out var i) ? i : null)));
        }

        // the checksum mismatch is also the bundle's first warning: said once, above
        foreach (var warning in input.Facts.ParseWarnings.Concat(input.Bundle.Warnings.Where(w => w != input.Bundle.ChecksumMismatch)))
        {
            notifications.Add(new SarifNotification(new SarifMessage(warning), "note"));
        }

        return notifications.Count > 0 ? notifications : null;
    }

    private static string PascalName(string title) =>
        string.Concat(title.Split([' ', '-', '/', ',', '(', ')', ':', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
