using Advisor.Reporting;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>
/// The same bundle and rules give byte-identical reports apart from the one generated-at line (which also carries
/// the engineer audience's timings, the only other value that varies between runs).
/// </summary>
public sealed class ReportDeterminismTests : IDisposable
{
    private readonly TempFolder first = new();
    private readonly TempFolder second = new();

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }

    public static TheoryData<string, string> FormatsAndAudiences()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in ReportFormats.Names)
        {
            data.Add(format, "customer");
            data.Add(format, "engineer");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndAudiences))]
    public void Two_ingests_of_the_same_bundle_give_the_same_report_but_for_the_generated_at_line(string format, string audience)
    {
        // a bundle with several findings, dm targets, NUMA nodes and a suppression: every list a report sorts
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(first.Combine("host.tar.xz"));
        File.Copy(bundle, second.Combine("host.tar.xz"));
        var config = """{ "Suppressions": [ { "Id": "ADV0001", "Instance": "nvme0n1", "Justification": "boot disk, reads only" } ] }""";
        File.WriteAllText(first.Combine("advisor.json"), config);
        File.WriteAllText(second.Combine("advisor.json"), config);

        var one = CliRunner.Run(first.FullPath, "ingest", first.Combine("host.tar.xz"), "--db", first.DatabasePath, "--format", format, "--audience", audience);
        var two = CliRunner.Run(second.FullPath, "ingest", second.Combine("host.tar.xz"), "--db", second.DatabasePath, "--format", format, "--audience", audience);

        Assert.Equal(0, one.ExitCode);
        if (format == "sarif") SarifSchema.AssertValid(one.Out);
        Assert.Equal(GeneratedAtLine.Remove(one.Out), GeneratedAtLine.Remove(two.Out));
        var differing = one.Out.Split('\n').Zip(two.Out.Split('\n')).Where(p => p.First != p.Second).ToList();
        Assert.True(differing.Count <= 1, "more than one line differs:\n" + string.Join("\n", differing.Select(d => $"- {d.First}\n+ {d.Second}")));
    }

    [Theory]
    [MemberData(nameof(FormatsAndAudiences))]
    public void The_report_written_by_ingest_is_the_one_report_writes_again_from_the_database(string format, string audience)
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(first.Combine("host.tar.gz"));
        var ingest = CliRunner.Run(first.FullPath, "ingest", bundle, "--db", first.DatabasePath, "--format", format, "--audience", audience);
        var id = StoredReports.Ingest(second.FullPath, bundle, second.DatabasePath);

        var again = CliRunner.Run(first.FullPath, "report", id, "--db", first.DatabasePath, "--format", format, "--audience", audience);

        Assert.Equal(0, again.ExitCode);
        if (format == "sarif") SarifSchema.AssertValid(again.Out);
        Assert.Equal(GeneratedAtLine.Remove(ingest.Out), GeneratedAtLine.Remove(again.Out));
    }

    [Fact]
    public void Timings_appear_only_for_the_engineer_and_only_on_the_generated_at_line()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(first.Combine("host.tar.gz"));

        var engineer = CliRunner.Run(first.FullPath, "ingest", bundle, "--db", first.DatabasePath, "--audience", "engineer").Out;
        var customer = CliRunner.Run(first.FullPath, "ingest", bundle, "--db", first.DatabasePath).Out;

        var timed = Assert.Single(engineer.Split('\n'), l => l.Contains("timings", StringComparison.Ordinal));
        Assert.Matches(@"^Generated at \d{4}-\d\d-\d\d \d\d:\d\d UTC by Advisor [0-9.]+; timings: read \d+ ms, facts \d+ ms, rules \d+ ms, store \d+ ms\.$", timed);
        Assert.DoesNotContain("timings", customer);
    }
}
