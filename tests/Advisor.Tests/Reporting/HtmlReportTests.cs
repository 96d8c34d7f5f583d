using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

public sealed class HtmlReportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Html(string audience = "customer")
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);
        var result = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", "html", "--audience", audience);
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    [Fact]
    public void Is_one_self_contained_page_with_inline_css_and_nothing_fetched()
    {
        var html = Html();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("<h3 id=\"adv0001-nvme-request-merging-disabled-by-the-kernel-nvme1n1\">ADV0001: NVMe request merging disabled by the kernel (nvme1n1)</h3>", html);
        Assert.Contains("<code class=\"language-sh\">echo 0 &gt; /sys/block/nvme1n1/queue/nomerges", html);
    }

    [Fact]
    public void The_storage_stack_chart_sits_inside_the_dm_snapshot_finding_only()
    {
        var html = Html("engineer");

        var figure = html.IndexOf("<figure class=\"chart\">", StringComparison.Ordinal);
        Assert.True(figure > 0);
        Assert.Equal(figure, html.LastIndexOf("<figure class=\"chart\">", StringComparison.Ordinal));
        var finding = html.IndexOf("<a id=\"adv0002-datasnap\"></a>", StringComparison.Ordinal);
        var references = html.IndexOf("dm snapshot: Use fine-grained locking scheme (patch series", finding, StringComparison.Ordinal);
        var ruleLine = html.IndexOf("<em>Rule ADV0002", finding, StringComparison.Ordinal);
        var overview = html.IndexOf("<h2 id=\"system-overview\">", StringComparison.Ordinal);
        Assert.True(finding < references && references < ruleLine && ruleLine < figure && figure < overview, $"{finding} {references} {ruleLine} {figure} {overview}");
        Assert.Contains("<title>Storage stack under data-snap</title>", html);
        Assert.Contains("<figcaption>Storage stack under data-snap</figcaption>", html);
    }
}
