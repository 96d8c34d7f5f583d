using System.Text.Json;
using Advisor.Reporting;
using Advisor.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Advisor.Tests.Reporting;

/// <summary>Bundle text (host names, dm names, CPU models, evidence lines) cannot add structure, HTML or script to any report format.</summary>
public sealed class ReportEscapingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string? bundleId;

    private string Report(string format, string audience = "engineer")
    {
        var id = bundleId ??= StoredReports.Ingest(temp.FullPath, HostileBundles.Write(temp.Combine("hostile.tar.gz")), temp.DatabasePath);
        var result = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", format, "--audience", audience);
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("engineer")]
    public void Markdown_gets_no_links_html_or_headings_from_bundle_text(string audience)
    {
        var markdown = Report("markdown", audience);

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.DoesNotContain(document.Descendants<LinkInline>(), l => l.Url?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.DoesNotContain(document.Descendants<HtmlBlock>(), _ => true);
        var html = document.Descendants<HtmlInline>().Select(h => h.Tag).ToList();
        Assert.All(html, tag => Assert.Matches("^(<a id=\"[a-z0-9-]+\">|</a>)$", tag));
        Assert.Equal(["Advisor report: " + HostileBundles.Hostname], document.Descendants<HeadingBlock>().Where(h => h.Level == 1)
            .Select(h => string.Concat(h.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
        Assert.Contains("ADV0002", markdown);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("engineer")]
    public void Html_shows_bundle_text_as_text_and_has_no_script_or_event_handlers(string audience)
    {
        var html = Report("html", audience);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<title>Advisor report: &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("onerror=alert(2)&gt;", html);
        Assert.Contains("<figure class=\"chart\">", html);
    }

    [Fact]
    public void Json_and_sarif_carry_bundle_text_unchanged_but_encoded()
    {
        var json = Report("json");
        var sarif = Report("sarif");

        foreach (var text in new[] { json, sarif })
        {
            Assert.DoesNotContain("<script", text);
            Assert.DoesNotContain("<img", text);
        }

        using var report = JsonDocument.Parse(json);
        Assert.Equal(HostileBundles.Hostname, report.RootElement.GetProperty("system").GetProperty("hostname").GetString());
        Assert.Contains(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("instance").GetString() == HostileBundles.DmName);
        using var log = JsonDocument.Parse(sarif);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("properties").GetProperty("instance").GetString() == HostileBundles.DmName);
        SarifSchema.AssertValid(sarif);
    }

    [Theory]
    [InlineData("line one\n# heading\n- item\n<script>x</script>")]
    [InlineData("a | b ` c ](javascript:alert(1)) [d](e) <!-- x --> &lt; \r\n\u2028*x*")]
    public void Escaped_text_renders_as_one_paragraph_of_the_same_text(string text)
    {
        var html = Markdown.ToHtml("Value: " + MarkdownText.Escape(text), new MarkdownPipelineBuilder().UsePipeTables().Build());

        Assert.StartsWith("<p>", html);
        Assert.Equal(1, html.Split("<p>").Length - 1);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<em>", html);
        Assert.DoesNotContain("<h1>", html);
        var shown = System.Net.WebUtility.HtmlDecode(html.Trim()["<p>".Length..^"</p>".Length]);
        Assert.Equal("Value: " + MarkdownText.OneLine(text), shown);
    }

    [Fact]
    public void A_code_span_holds_any_backticks_and_pipes()
    {
        var html = Markdown.ToHtml("- " + MarkdownText.Code("x ``` y | z `"), new MarkdownPipelineBuilder().UsePipeTables().Build());

        Assert.Contains("<code>x ``` y | z `</code>", html);
    }

    [Theory]
    [InlineData("sys/block/sda/queue/nomerges", "<td><code>sys/block/sda/queue/nomerges</code></td>")]
    [InlineData("a|b `c` <d>", "<td>a|b `c` &lt;d&gt;</td>")]
    public void A_table_cell_value_stays_in_its_cell_and_reads_the_same(string value, string cell)
    {
        var html = Markdown.ToHtml("| a |\n|---|\n| " + MarkdownText.CellCode(value) + " |\n", new MarkdownPipelineBuilder().UsePipeTables().Build());

        Assert.Single(html.Split("<td>").Skip(1));
        Assert.Contains(cell, html);
    }
}
