using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

/// <summary><c>advisor ingest a b …</c> and <c>advisor ingest folder/</c>: concurrent, one report each, worst exit code.</summary>
public sealed class IngestBatchTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Two_bundles_give_two_reports_in_the_output_folder_and_both_land_in_the_database()
    {
        var affected = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1087-aws", nomerges: 2).WriteTarXz(temp.Combine("sosreport-affected.tar.xz"));
        var centos = SosFixtures.CentOsBareMetalOnHpet().WriteTarGz(temp.Combine("sosreport-centos.tgz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", affected, centos, "--db", temp.DatabasePath, "--output-dir", "reports", "--fail-on", "warning", "-v");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("ADV0001", File.ReadAllText(temp.Combine("reports", "sosreport-affected.md")));
        Assert.Contains("storage01", File.ReadAllText(temp.Combine("reports", "sosreport-centos.md")));
        Assert.Contains("decoder xz (liblzma.so.5, native)", result.Error);
        Assert.Contains("decoder gzip", result.Error);
        Assert.Contains("timings: read ", result.Error);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(2, db.ListBundles().Count);
    }

    /// <summary>A sos collect archive (made with the system's tar and xz) of two nodes, each beside its .sha256, in name order as sos adds them.</summary>
    private string SosCollectArchive()
    {
        const string top = "sos-collector-case1-2026-12-03-abcde";
        var folder = Directory.CreateDirectory(Path.Combine(temp.Combine("collect"), top)).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sos_logs"));
        File.WriteAllText(Path.Combine(folder, "sos_logs", "sos.log"), "collected 2 nodes\n");
        string[] nodes = ["sosreport-storage01-2026-12-03-aaaaa.tar.xz", "sosreport-web01-2026-12-03-bbbbb.tar.xz"];
        SosFixtures.CentOsBareMetalOnHpet().WriteTarXz(Path.Combine(folder, nodes[0]));
        SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1087-aws", nomerges: 2).WriteTarXz(Path.Combine(folder, nodes[1]));
        foreach (var node in nodes)
        {
            BundleBuilder.WriteSha256Beside(Path.Combine(folder, node), digestOnly: false);
        }

        var archive = temp.Combine(top + ".tar.xz");
        BundleBuilder.RunTool("tar", ["-cJf", archive, "-C", temp.Combine("collect"), top]);
        return archive;
    }

    [Fact]
    public void A_sos_collect_archive_gives_a_report_per_node_named_after_it_and_each_node_lands_in_the_database()
    {
        var archive = SosCollectArchive();

        var result = CliRunner.Run(temp.FullPath, "ingest", archive, "--db", temp.DatabasePath, "--output-dir", "reports", "-v");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("storage01", File.ReadAllText(temp.Combine("reports", "sosreport-storage01-2026-12-03-aaaaa.md")));
        Assert.Contains("ADV0001", File.ReadAllText(temp.Combine("reports", "sosreport-web01-2026-12-03-bbbbb.md")));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("reports")).Length);
        Assert.Contains($"advisor: {archive}: sosreport-web01-2026-12-03-bbbbb.tar.xz: ip-10-0-0-12, 4.4.0-1087-aws, bundle ", result.Error);
        Assert.Contains("SHA-256 matches 'sosreport-storage01-2026-12-03-aaaaa.tar.xz.sha256'", result.Error);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(
            ["sosreport-storage01-2026-12-03-aaaaa.tar.xz", "sosreport-web01-2026-12-03-bbbbb.tar.xz"],
            db.ListBundles().Select(b => b.FileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_sos_collect_archive_without_an_output_folder_stores_every_node_and_says_how_to_get_their_reports()
    {
        var archive = SosCollectArchive();

        var result = CliRunner.Run(temp.FullPath, "ingest", archive, "--db", temp.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(2, result.Error.Split('\n').Count(line => line.Contains("stored, no report: the archive holds several sosreports, and --output-dir <folder> writes a report for each", StringComparison.Ordinal)));
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(2, db.ListBundles().Count);
    }

    [Fact]
    public void A_bundle_named_twice_directly_and_through_its_folder_is_read_once()
    {
        var folder = Directory.CreateDirectory(temp.Combine("incoming")).FullName;
        SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(Path.Combine(folder, "sosreport-a.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", "incoming/sosreport-a.tar.xz", "./incoming/sosreport-a.tar.xz", "incoming",
            "--db", temp.DatabasePath, "--output-dir", "out");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("advisor: warning: incoming/sosreport-a.tar.xz: given more than once, read once", result.Error);
        Assert.Equal(["sosreport-a.md"], Directory.GetFiles(temp.Combine("out")).Select(Path.GetFileName));
        Assert.Single(result.Error.Split('\n'), line => line.Contains("report written to", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_of_bundles_is_a_batch_and_one_unreadable_bundle_does_not_stop_the_others()
    {
        var folder = Directory.CreateDirectory(temp.Combine("incoming")).FullName;
        SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(Path.Combine(folder, "good.tar.xz"));
        SosFixtures.CentOsBareMetalOnHpet().WriteUnpacked(folder);
        var stub = File.ReadAllBytes(SosFixtures.CentOsBareMetalOnHpet().WriteTarXz(temp.Combine("whole.tar.xz")))[..40];
        File.WriteAllBytes(Path.Combine(folder, "broken.tar.xz"), stub);
        File.WriteAllText(Path.Combine(folder, "README.txt"), "not a bundle\n");

        var result = CliRunner.Run(temp.FullPath, "ingest", "incoming", "--db", temp.DatabasePath, "--output-dir", "out", "--format", "json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("broken.tar.xz", result.Error);
        Assert.Contains("advisor: warning: incoming: 1 entry is not a bundle and was skipped: README.txt (not tar, gzip, xz, bzip2 or zstd data)", result.Error);
        Assert.True(File.Exists(temp.Combine("out", "good.json")));
        Assert.True(File.Exists(temp.Combine("out", "sosreport-storage01-2020-03-02-xyzabc.json")));
        Assert.False(File.Exists(temp.Combine("out", "README.json")));
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(2, db.ListBundles().Count);
    }

    [Fact]
    public void A_folder_with_no_bundle_is_a_usage_error_that_names_what_it_holds()
    {
        var folder = Directory.CreateDirectory(temp.Combine("incoming")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "upload.tar.xz"), []);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "call the customer back\n");

        var result = CliRunner.Run(temp.FullPath, "ingest", "incoming", "--db", temp.DatabasePath, "--output-dir", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "incoming: neither an unpacked sosreport (no sos_commands/, sys/ or proc/) nor a folder holding bundles "
            + "(2 entries are not bundles and were skipped: notes.txt (not tar, gzip, xz, bzip2 or zstd data), upload.tar.xz (empty file))",
            result.Error);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void An_unpacked_sosreport_folder_is_one_bundle_reported_on_stdout()
    {
        var unpacked = SosFixtures.UbuntuNvmeSnapshotHost().WriteUnpacked(temp.FullPath);

        var result = CliRunner.Run(temp.FullPath, "ingest", unpacked, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADV0001", result.Out);
    }

    [Fact]
    public void More_than_one_bundle_without_an_output_folder_is_a_usage_error()
    {
        var a = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("a.tar.gz"));
        var b = SosFixtures.CentOsBareMetalOnHpet().WriteTarGz(temp.Combine("b.tar.gz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", a, b, "--db", temp.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output-dir", result.Error);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void The_machines_root_folder_is_a_usage_error_that_points_to_live()
    {
        // '/' has sys/ and proc/ like an unpacked sosreport: read as one, it would walk the whole live file system
        var result = CliRunner.Run(temp.FullPath, "ingest", "/", "--db", temp.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("advisor: error: /: this machine's root folder is not a bundle; --live analyses this machine", result.Error);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void An_output_that_is_a_folder_is_a_usage_error_before_anything_is_read()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("a.tar.gz"));
        Directory.CreateDirectory(temp.Combine("reports"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--output", "reports");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("advisor: error: --output reports: is a folder; name a file to write to (--output-dir <folder> writes a report per bundle into a folder)", result.Error);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void Quiet_silences_warnings_but_not_the_summary()
    {
        new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.4.0-97-generic #1 SMP x86_64 GNU/Linux\n")
            .Symlink("etc/passwd", "/etc/passwd")
            .WriteTarGz(Path.Combine(Directory.CreateDirectory(temp.Combine("incoming")).FullName, "links.tar.gz"));
        File.WriteAllText(temp.Combine("incoming", "notes.txt"), "not a bundle\n");

        var loud = CliRunner.Run(temp.FullPath, "ingest", "incoming", "--db", temp.DatabasePath);
        var quiet = CliRunner.Run(temp.FullPath, "ingest", "incoming", "--db", temp.DatabasePath, "--quiet");

        Assert.Contains("advisor: warning:", loud.Error);
        Assert.Contains("points outside the bundle", loud.Error);
        Assert.Contains("skipped: notes.txt", loud.Error);
        Assert.DoesNotContain("warning", quiet.Error);
        Assert.Contains("finding(s)", quiet.Error);
    }
}
