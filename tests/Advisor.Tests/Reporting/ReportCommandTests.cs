using Advisor.Cli;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary><c>advisor report</c>: any report again from the database alone, the bundle selected by an id prefix.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Writes_every_format_from_the_database_after_the_bundle_file_is_gone()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("host.tar.xz"));
        var id = StoredReports.Ingest(temp.FullPath, bundle, temp.DatabasePath);
        File.Delete(bundle);

        var markdown = CliRunner.Run(temp.FullPath, "report", id[..8], "--db", temp.DatabasePath);
        var html = CliRunner.Run(temp.FullPath, "report", id[..8], "--db", temp.DatabasePath, "--format", "html", "--output", "report.html");
        var sarif = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", "sarif");
        var json = CliRunner.Run(temp.FullPath, "report", id.ToUpperInvariant()[..12], "--db", temp.DatabasePath, "--format", "json", "--audience", "engineer");

        Assert.Equal([0, 0, 0, 0], new[] { markdown.ExitCode, html.ExitCode, sarif.ExitCode, json.ExitCode });
        Assert.False(File.Exists(bundle));
        Assert.Contains("### ADV0001: NVMe request merging disabled by the kernel (nvme1n1)", markdown.Out);
        Assert.Contains("echo 0 > /sys/block/nvme1n1/queue/nomerges", markdown.Out);
        Assert.Contains("upgrade to kernel `4.4.0-1088-aws` or later", markdown.Out);
        Assert.Equal("", html.Out);
        Assert.Contains("<h3 id=\"adv0002-active-dm-snapshot-on-a-kernel-whose-snapshot-target-does-not-scale-data-snap\">", File.ReadAllText(temp.Combine("report.html")));
        Assert.Contains("report.html", html.Error);
        SarifSchema.AssertValid(sarif.Out);
        Assert.Contains("\"instance\": \"nvme1n1\"", json.Out);
    }

    [Fact]
    public void An_output_that_is_a_folder_is_a_one_line_error()
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);
        Directory.CreateDirectory(temp.Combine("reports"));

        var result = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--output", "reports");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("advisor: error: reports: is a folder; name a file to write to" + Environment.NewLine, result.Error);
    }

    [Fact]
    public void An_unknown_id_is_a_one_line_error_with_exit_code_2()
    {
        StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);

        var result = CliRunner.Run(temp.FullPath, "report", "ffffffffffff0000", "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"advisor: error: no bundle or case 'ffffffffffff0000' in {temp.DatabasePath} ('advisor list' shows them)", result.Error.TrimEnd());
    }

    [Fact]
    public void An_ambiguous_prefix_is_a_one_line_error_with_exit_code_2()
    {
        // 17 bundles: two of them must share the first hex digit of their id
        for (var i = 0; i < 17; i++)
        {
            var bundle = new BundleBuilder($"sosreport-host{i}-2026").File("sos_commands/host/hostname", $"host{i}\n").WriteTarGz(temp.Combine($"b{i}.tar.gz"));
            Assert.Equal(0, CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath).ExitCode);
        }

        string shared;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            shared = db.ListBundles().GroupBy(b => b.Id[..1]).First(g => g.Count() > 1).Key;
        }

        var result = CliRunner.Run(temp.FullPath, "report", shared, "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"advisor: error: '{shared}' is ambiguous: it starts ", line);
    }

    [Fact]
    public void A_missing_database_is_an_error_not_a_new_empty_file()
    {
        var result = CliRunner.Run(temp.FullPath, "report", "abc", "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no such database", result.Error);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void Report_rejects_an_unknown_format()
    {
        var result = CliRunner.Run(temp.FullPath, "report", "abc", "--db", temp.DatabasePath, "--format", "pdf");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("pdf", result.Error);
    }
}
