using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Storage;

namespace Advisor.Reporting;

/// <summary>Everything a report is made from; all of it can come from the database alone.</summary>
public sealed record ReportInput(
    BundleRecord Bundle,
    HostFacts Facts,
    AnalysisResult Analysis,
    RuleSet RuleSet,
    DateTime GeneratedAt,
    IReadOnlyDictionary<string, TimeSpan>? Timings = null)
{
    /// <summary>Active findings, most severe first, then by id and instance: the order every format uses.</summary>
    public IReadOnlyList<Diagnostic> OrderedFindings =>
        Analysis.Active.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Instance, StringComparer.Ordinal).ToList();
}
