using Advisor.Reporting.Charts;
using Advisor.Tests.Support;
using Microsoft.Playwright;

namespace Advisor.Tests.Reporting;

/// <summary>
/// Opens HTML reports in Debian's headless Chromium through Playwright (never a downloaded browser) and checks
/// what a person would see: findings and charts laid out with a size, no console errors, no script, nothing
/// fetched. Screenshots go to <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Opens <paramref name="htmlFile"/>, records console errors, page errors, dialogs and any request that leaves the file.</summary>
    private static async Task<T> InBrowser<T>(string htmlFile, Func<IPage, List<string>, Task<T>> check)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") problems.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
        var pageUri = new Uri(htmlFile).AbsoluteUri;
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url != pageUri) problems.Add($"request: {route.Request.Url}");
            if (route.Request.Url == pageUri) await route.ContinueAsync();
            else await route.AbortAsync();
        });
        await page.GotoAsync(pageUri);
        return await check(page, problems);
    }

    private static async Task AssertLaidOut(ILocator element, string what)
    {
        Assert.True(await element.IsVisibleAsync(), $"{what} is not visible");
        var box = await element.BoundingBoxAsync();
        Assert.True(box is { Width: > 0, Height: > 0 }, $"{what} has no size");
    }

    [Fact]
    public async Task The_sample_report_shows_its_findings_and_storage_chart_with_no_errors()
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);
        var file = temp.Combine("report.html");
        Assert.Equal(0, CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", "html", "--audience", "engineer", "--output", file).ExitCode);

        var problems = await InBrowser(file, async (page, problems) =>
        {
            Assert.Equal("Advisor report: ip-10-0-0-12", await page.TitleAsync());
            var findings = page.Locator("h3[id^=adv]");
            Assert.Equal(3, await findings.CountAsync());
            for (var i = 0; i < 3; i++)
            {
                await AssertLaidOut(findings.Nth(i), $"finding heading {i}");
            }

            Assert.Equal("ADV0002: Active dm-snapshot on a kernel whose snapshot target does not scale (data-snap)", await findings.Nth(2).InnerTextAsync());
            var chart = page.Locator("figure.chart svg.storage-stack-chart");
            await AssertLaidOut(chart, "storage stack chart");
            // data-snap over its origin's data-vol-real and its COW store data-snap-cow, both on nvme1n1
            var devices = chart.Locator("g.device");
            Assert.Equal(4, await devices.CountAsync());
            for (var i = 0; i < 4; i++)
            {
                await AssertLaidOut(devices.Nth(i).Locator("rect"), $"device box {i}");
            }

            Assert.Equal("data-snap", await chart.Locator("g.device.affected text").First.TextContentAsync());
            await chart.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("sample-report.png"), FullPage = true });
            await chart.ScreenshotAsync(new() { Path = ScreenshotPath("sample-storage-stack.png") });
            return problems;
        });

        Assert.Empty(problems);
        Assert.True(new FileInfo(ScreenshotPath("sample-report.png")).Length > 10_000);
    }

    [Fact]
    public async Task A_hostile_bundle_shows_its_text_and_runs_nothing()
    {
        var id = StoredReports.Ingest(temp.FullPath, HostileBundles.Write(temp.Combine("hostile.tar.gz")), temp.DatabasePath);
        var file = temp.Combine("hostile.html");
        Assert.Equal(0, CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", "html", "--audience", "engineer", "--output", file).ExitCode);

        var problems = await InBrowser(file, async (page, problems) =>
        {
            Assert.Equal(0, await page.Locator("script, img, iframe, object, embed").CountAsync());
            Assert.Equal(0, await page.Locator("a[href^='javascript' i]").CountAsync());
            Assert.Equal(0, await page.Locator("[onerror], [onmouseover], [onload]").CountAsync());
            Assert.Equal("Advisor report: " + HostileBundles.Hostname, await page.Locator("h1").InnerTextAsync());
            Assert.Contains(HostileBundles.CpuModel, await page.Locator("body").InnerTextAsync());
            await AssertLaidOut(page.Locator("figure.chart svg"), "storage stack of the hostile dm device");
            Assert.Contains(HostileBundles.DmName, await page.Locator("figure.chart svg g.device.affected title").TextContentAsync());
            await page.Locator("figure.chart").HoverAsync();
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("hostile-report.png") });
            return problems;
        });

        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_interrupt_and_request_size_charts_render_with_sized_bars_and_legend()
    {
        var interrupts = InterruptChartRenderer.Render(new InterruptChart("eth0: interrupts per CPU",
            Enumerable.Range(0, 16).Select(cpu => new InterruptBar(cpu, cpu / 8, cpu < 8 ? 1000 + cpu * 50 : 400_000 - cpu * 9000)).ToList(), HomeNode: 0));
        var sizes = RequestSizeChartRenderer.Render(new RequestSizeChart("Average request size by layer",
            [new RequestSizeBar("data-snap", 256), new RequestSizeBar("data-snap-cow", 4), new RequestSizeBar("nvme1n1", 4)]));
        var file = temp.Combine("charts.html");
        File.WriteAllText(file, $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>charts</title></head><body><figure>{interrupts}</figure><figure>{sizes}</figure></body></html>");

        var problems = await InBrowser(file, async (page, problems) =>
        {
            var bars = page.Locator("svg.interrupt-chart rect.bar");
            Assert.Equal(16, await bars.CountAsync());
            await AssertLaidOut(bars.Nth(12), "CPU 12's bar");
            await AssertLaidOut(page.Locator("svg.interrupt-chart g.legend"), "NUMA legend");
            Assert.Equal(["NUMA node 0 (device's node)", "NUMA node 1"], await page.Locator("svg.interrupt-chart g.legend text").AllTextContentsAsync());
            var layers = page.Locator("svg.request-size-chart rect.bar");
            Assert.Equal(3, await layers.CountAsync());
            var wide = (await layers.Nth(0).BoundingBoxAsync())!.Width;
            var narrow = (await layers.Nth(2).BoundingBoxAsync())!.Width;
            Assert.True(wide > 30 * narrow && narrow > 0, $"{wide} vs {narrow}");
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("charts.png"), FullPage = true });
            return problems;
        });

        Assert.Empty(problems);
    }
}
