namespace Advisor.Storage;

/// <summary>Active findings by severity in a bundle's latest analysis, kept on the bundle for listings.</summary>
public sealed class FindingCounts
{
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Infos { get; set; }

    public static FindingCounts Of(Diagnostics.AnalysisResult analysis) => new()
    {
        Errors = analysis.Active.Count(d => d.Severity == Diagnostics.Severity.Error),
        Warnings = analysis.Active.Count(d => d.Severity == Diagnostics.Severity.Warning),
        Infos = analysis.Active.Count(d => d.Severity == Diagnostics.Severity.Info),
    };

    public override string ToString() => $"{Errors} error(s), {Warnings} warning(s), {Infos} info";
}
