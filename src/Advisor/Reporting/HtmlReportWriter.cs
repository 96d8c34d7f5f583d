using System.Net;
using Markdig;

namespace Advisor.Reporting;

/// <summary>The Markdown report rendered by Markdig into one self-contained, printable HTML page.</summary>
public static class HtmlReportWriter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().Build();

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}
        h1{border-bottom:2px solid #d0d7de;padding-bottom:.3rem}h3{margin-top:2rem;border-left:4px solid #bf8700;padding-left:.5rem}
        code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px;font-size:90%}pre{background:#f6f8fa;padding:.8rem;overflow-x:auto}
        table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
        @media print{body{margin:0;max-width:none}a{color:inherit}}
        """;

    public static string Write(ReportInput input, ReportAudience audience)
    {
        var markdown = MarkdownReportWriter.Write(input, audience);
        var body = Markdown.ToHtml(markdown, Pipeline);
        var title = WebUtility.HtmlEncode($"Advisor report: {(input.Facts.Hostname.IsPresent ? input.Facts.Hostname.Value : input.Bundle.FileName)}");
        return $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n";
    }
}
