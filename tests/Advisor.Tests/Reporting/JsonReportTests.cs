using System.Text.Json;
using System.Text.RegularExpressions;
using Advisor.Reporting;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

public sealed class JsonReportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private JsonDocument Report(BundleBuilder builder)
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", builder.WriteTarGz(temp.Combine("host.tar.gz")), "--db", temp.DatabasePath, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out);
    }

    [Fact]
    public void Holds_findings_with_evidence_and_fix_a_summary_and_the_system_overview()
    {
        using var report = Report(SosFixtures.UbuntuNvmeSnapshotHost());
        var root = report.RootElement;

        Assert.Equal(JsonReportWriter.FormatVersion, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["nvme0n1", "nvme1n1", "data-snap"], findings.Select(f => f.GetProperty("instance").GetString()));
        var nvme = findings[1];
        Assert.Equal("warning", nvme.GetProperty("severity").GetString());
        Assert.Equal("sys/block/nvme1n1/queue/nomerges", nvme.GetProperty("evidence")[0].GetProperty("path").GetString());
        Assert.Equal(1, nvme.GetProperty("evidence")[0].GetProperty("line").GetInt32());
        Assert.Equal("4.4.0-1088-aws", nvme.GetProperty("fixedKernel").GetProperty("release").GetString());
        Assert.Equal("ef2d4615c59e", nvme.GetProperty("fixCommits")[0].GetProperty("id").GetString());
        Assert.Equal("kb/ADV0001.md", nvme.GetProperty("kbArticle").GetString());
        Assert.Equal(JsonValueKind.Null, findings[2].GetProperty("fixedKernel").ValueKind);
        var system = root.GetProperty("system");
        Assert.Equal("ip-10-0-0-12", system.GetProperty("hostname").GetString());
        Assert.Equal(["data-snap", "data-snap-cow", "data-vol", "data-vol-real"], system.GetProperty("deviceMapperDevices").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("4.4.0-1087-aws", root.GetProperty("facts").GetProperty("kernel").GetProperty("release").GetProperty("value").GetString());
    }

    [Fact]
    public void Lists_the_checks_that_could_not_run_with_what_they_lacked()
    {
        using var report = Report(SosFixtures.UbuntuNvmeSnapshotHost().Without("sos_commands/kernel/uname_-a").Without("uname"));

        var notEvaluated = report.RootElement.GetProperty("notEvaluated").EnumerateArray().ToList();
        Assert.Contains(notEvaluated, n => n.GetProperty("id").GetString() == "ADV0001" && n.GetProperty("instance").GetString() == "nvme1n1"
            && n.GetProperty("missingInputs").EnumerateArray().Any(m => m.GetString() == "sos_commands/kernel/uname_-a is not in the bundle"));
        Assert.Equal(notEvaluated.Count, report.RootElement.GetProperty("summary").GetProperty("notEvaluated").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("system").GetProperty("kernelRelease").ValueKind);
    }

    [Fact]
    public void Every_property_of_the_report_is_documented_in_docs_report_json()
    {
        using var report = Report(SosFixtures.UbuntuNvmeSnapshotHost());
        var documentation = File.ReadAllText(TestPaths.InRepository("docs/report-json.md"));
        var documented = Regex.Matches(documentation, @"^\| `(\w+)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        var names = report.RootElement.EnumerateObject().Select(p => p.Name)
            .Concat(report.RootElement.GetProperty("findings")[0].EnumerateObject().Select(p => p.Name)).ToList();

        Assert.DoesNotContain(names, n => !documented.Contains(n) && !documentation.Contains($"`{n}`", StringComparison.Ordinal));
        Assert.Contains("generatedAt", documented);
    }
}
