
namespace Advisor.Reporting;

/// <summary>The formats a report can be written in.</summary>
public static class ReportFormats
{
    public static readonly string[] Names = ["markdown", "html", "json"];

    public static string Render(string format, ReportInput input, ReportAudience audience) => format switch
    {
        "markdown" => MarkdownReportWriter.Write(input, audience),
        "html" => HtmlReportWriter.Write(input, audience),
        "json" => JsonReportWriter.Write(input),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
