using System.Net;
using Advisor.Reporting.Charts;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Advisor.Reporting;

/// <summary>
/// The Markdown report rendered by Markdig into one self-contained, printable HTML page (inline CSS, no script,
/// nothing fetched), with the charts of <see cref="ReportCharts"/> placed as inline SVG at the end of the
/// finding they illustrate.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().Build();

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}
        h1{border-bottom:2px solid #d0d7de;padding-bottom:.3rem}h3{margin-top:2rem;border-left:4px solid #bf8700;padding-left:.5rem}
        code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px;font-size:90%;overflow-wrap:anywhere}pre{background:#f6f8fa;padding:.8rem;overflow-x:auto}
        table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
        figure.chart{margin:1rem 0;padding:.5rem;border:1px solid #d0d7de;border-radius:6px;break-inside:avoid}
        figure.chart svg{max-width:100%;height:auto;display:block}figcaption{font-size:90%;color:#57606a}
        @media print{body{margin:0;max-width:none}a{color:inherit}pre,table,figure{break-inside:avoid}}
        """;

    public static string Write(ReportInput input, ReportAudience audience)
    {
        var markdown = MarkdownReportWriter.Write(input, audience);
        var document = Markdown.Parse(markdown, Pipeline);
        PlaceCharts(document, markdown, ReportCharts.For(input.Facts, input.OrderedFindings));

        using var body = new StringWriter();
        var renderer = new HtmlRenderer(body);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        body.Flush();

        var title = WebUtility.HtmlEncode($"Advisor report: {input.HostLabel}");
        return $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n";
    }

    /// <summary>
    /// Inserts each chart as an HTML block at the end of its finding: before the next finding's anchor line or
    /// the next heading of level 1–3. Anchor lines are found by their start (<c>&lt;a id="…"&gt;</c> opens the
    /// line), which escaped bundle text never does.
    /// </summary>
    private static void PlaceCharts(MarkdownDocument document, string markdown, IReadOnlyList<ReportChart> charts)
    {
        foreach (var group in charts.GroupBy(c => c.FindingAnchor))
        {
            var start = IndexOfAnchor(document, markdown, group.Key);
            if (start < 0) continue;
            var end = start + 1;
            while (end < document.Count && !StartsFinding(document[end], markdown) && !(document[end] is HeadingBlock { Level: <= 3 } && end > start + 1))
            {
                end++;
            }

            foreach (var chart in group.Reverse())
            {
                var figure = $"<figure class=\"chart\">{chart.Svg}<figcaption>{WebUtility.HtmlEncode(chart.Caption)}</figcaption></figure>";
                document.Insert(end, new HtmlBlock(null) { Type = HtmlBlockType.NonInterruptingBlock, Lines = new StringLineGroup(figure) });
            }
        }
    }

    private static int IndexOfAnchor(MarkdownDocument document, string markdown, string anchor)
    {
        for (var i = 0; i < document.Count; i++)
        {
            if (SourceOf(document[i], markdown).StartsWith($"<a id=\"{anchor}\">", StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private static bool StartsFinding(Block block, string markdown) => SourceOf(block, markdown).StartsWith("<a id=\"", StringComparison.Ordinal);

    private static string SourceOf(Block block, string markdown) =>
        block.Span.Start >= 0 && block.Span.End < markdown.Length ? markdown.Substring(block.Span.Start, block.Span.Length) : "";
}
