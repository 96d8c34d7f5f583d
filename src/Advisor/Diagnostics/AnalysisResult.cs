namespace Advisor.Diagnostics;

/// <summary>What one run of the rules over one host's facts produced.</summary>
public sealed class AnalysisResult
{
    public string RuleSetVersion { get; set; } = "";
    public List<Diagnostic> Diagnostics { get; set; } = [];
    public List<NotEvaluated> NotEvaluated { get; set; } = [];
    public int RulesRun { get; set; }

    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed && d.Severity > Severity.None);

    public Severity HighestSeverity => Active.Select(d => d.Severity).DefaultIfEmpty(Severity.None).Max();
}
