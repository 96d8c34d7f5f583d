using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Storage;

namespace Advisor.Reporting;

/// <summary>
/// Everything a report is made from; all of it can come from the database alone. <paramref name="Timings"/> exist
/// only right after an ingest; <paramref name="DocumentationUri"/> is <see cref="Configuration.ReportSettings.DocumentationUri"/>.
/// </summary>
public sealed record ReportInput(
    BundleRecord Bundle,
    HostFacts Facts,
    AnalysisResult Analysis,
    RuleSet RuleSet,
    DateTime GeneratedAt,
    IReadOnlyDictionary<string, TimeSpan>? Timings = null,
    string? DocumentationUri = null)
{
    /// <summary>Active findings, most severe first, then by id and instance: the order every format uses.</summary>
    public IReadOnlyList<Diagnostic> OrderedFindings =>
        Analysis.Active.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Instance, StringComparer.Ordinal).ToList();

    /// <summary>Suppressed findings in the same order.</summary>
    public IReadOnlyList<Diagnostic> SuppressedFindings =>
        Analysis.Diagnostics.Where(d => d.IsSuppressed && d.Severity > Severity.None)
            .OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Instance, StringComparer.Ordinal).ToList();

    /// <summary>The host name as the bundle gives it, else the bundle's file name.</summary>
    public string HostLabel => Facts.Hostname.IsPresent ? Facts.Hostname.Value : Bundle.FileName;
}
