namespace Advisor.Reporting;

/// <summary>The formats a report can be written in.</summary>
public static class ReportFormats
{
    public static readonly string[] Names = ["markdown", "html", "sarif", "json"];

    /// <summary>The report; SARIF and JSON are the same for both audiences (they carry everything).</summary>
    public static string Render(string format, ReportInput input, ReportAudience audience) => format switch
    {
        "markdown" => MarkdownReportWriter.Write(input, audience),
        "html" => HtmlReportWriter.Write(input, audience),
        "sarif" => SarifReportWriter.Write(input),
        "json" => JsonReportWriter.Write(input),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
