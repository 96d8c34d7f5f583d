using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// Several sosreports sent as one archive (all nodes of a cluster tarred together, made with the system's tar):
/// never read as one empty bundle, and a report beside the analysed one is named, not dropped without a word.
/// </summary>
public sealed class SeveralReportsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static BundleBuilder Report(string host) => new BundleBuilder($"sosreport-{host}-2026-11-23-abcdef")
        .File("sos_commands/kernel/uname_-a", $"Linux {host} 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
        .File("etc/hostname", host + "\n");

    /// <summary>Two unpacked reports in one folder, as an analyst has them before tarring them up.</summary>
    private string TwoUnpackedReports()
    {
        var staging = temp.Combine("staging");
        Report("node1").WriteUnpacked(staging);
        Report("node2").WriteUnpacked(staging);
        return staging;
    }

    [Fact]
    public void An_archive_of_two_report_folders_is_refused_naming_both_and_the_way_to_read_them()
    {
        var staging = TwoUnpackedReports();
        var archive = temp.Combine("cluster.tar.xz");
        BundleBuilder.RunTool("tar", ["-cJf", archive, "-C", staging, "."]);

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(archive));

        Assert.Equal(
            $"{archive}: holds 2 bundles (sosreport-node1-2026-11-23-abcdef/, sosreport-node2-2026-11-23-abcdef/) instead of being one sosreport: "
            + "unpack it and run 'advisor ingest <folder>', which reads every bundle in the folder",
            error.Message);
    }

    [Fact]
    public void An_archive_of_sosreport_archives_read_as_one_bundle_is_refused_naming_them()
    {
        var folder = temp.Combine("archives");
        Directory.CreateDirectory(folder);
        Report("node1").WriteTarXz(Path.Combine(folder, "sosreport-node1.tar.xz"));
        Report("node2").WriteTarGz(Path.Combine(folder, "sosreport-node2.tar.gz"));
        var archive = temp.Combine("cluster.tar");
        BundleBuilder.RunTool("tar", ["-cf", archive, "-C", folder, "sosreport-node2.tar.gz", "sosreport-node1.tar.xz"]);

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(archive));

        Assert.Equal($"{archive}: holds 2 bundles (sosreport-node1.tar.xz, sosreport-node2.tar.gz) instead of being one sosreport: 'advisor ingest' reads each of them as a bundle of its own", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_sos_collect_archive_read_as_one_bundle_is_refused_naming_its_nodes(bool withFolderEntries)
    {
        // sos collect: sos-collector-<label>-<date>/ holding each node's sosreport-….tar.xz and sos_logs/
        const string top = "sos-collector-case1-2026-12-03-abcde";
        var folder = Path.Combine(temp.Combine("collect"), top);
        Directory.CreateDirectory(Path.Combine(folder, "sos_logs"));
        File.WriteAllText(Path.Combine(folder, "sos_logs", "sos.log"), "collected 2 nodes\n");
        Report("node1").WriteTarXz(Path.Combine(folder, "sosreport-node1-2026-12-03-aaaaa.tar.xz"));
        Report("node2").WriteTarXz(Path.Combine(folder, "sosreport-node2-2026-12-03-bbbbb.tar.xz"));
        var archive = temp.Combine(top + ".tar.xz");
        string[] members = withFolderEntries
            ? [top]
            : [$"{top}/sosreport-node1-2026-12-03-aaaaa.tar.xz", $"{top}/sosreport-node2-2026-12-03-bbbbb.tar.xz"];
        BundleBuilder.RunTool("tar", ["-cJf", archive, "-C", temp.Combine("collect"), .. members]);

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(archive));

        Assert.Contains("holds 2 bundles (sosreport-node1-2026-12-03-aaaaa.tar.xz, sosreport-node2-2026-12-03-bbbbb.tar.xz) instead of being one sosreport", error.Message);
    }

    [Fact]
    public void A_second_report_folder_beside_the_first_is_named_in_a_warning_and_the_first_is_analysed()
    {
        var staging = TwoUnpackedReports();
        var archive = temp.Combine("two.tar.gz");
        BundleBuilder.RunTool("tar", ["-czf", archive, "-C", staging, "sosreport-node1-2026-11-23-abcdef", "sosreport-node2-2026-11-23-abcdef"]);

        var contents = BundleReading.Read(archive, globs: ["etc/hostname"]);

        Assert.Equal("node1\n", contents.Find("etc/hostname")!.Text);
        Assert.Equal(
            "'sosreport-node2-2026-11-23-abcdef/' beside the report is a bundle of its own and was not analysed: unpack the archive and ingest it on its own",
            Assert.Single(contents.Warnings));
    }

    [Fact]
    public void An_unpacked_folder_of_two_reports_read_as_one_bundle_is_refused_too()
    {
        var staging = TwoUnpackedReports();

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(staging));

        Assert.Contains("holds 2 bundles (sosreport-node1-2026-11-23-abcdef/, sosreport-node2-2026-11-23-abcdef/)", error.Message);
    }

    [Fact]
    public void A_folder_holding_one_tree_with_proc_is_refused_in_the_singular()
    {
        var path = new BundleBuilder("export")
            .File("rootfs/proc/cpuinfo", "processor : 0\n")
            .WriteTarGz(temp.Combine("container.tar.gz"));

        Assert.Contains("holds 1 bundle (rootfs/) instead of being one sosreport", Assert.Throws<BundleReadException>(() => BundleReading.Read(path)).Message);
    }

    [Fact]
    public void Real_sosreports_a_compressed_log_and_a_copied_host_folder_with_proc_get_no_such_word()
    {
        var path = Report("node1")
            .Bytes("var/log/old.tar.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
            .File("sysroot/proc/version", "Linux version 5.15.0\n")
            .WriteTarXz(temp.Combine("one.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Empty(contents.Warnings);
        Assert.DoesNotContain(RealCaptures.Openstack.Warnings, w => w.Contains("bundle of its own"));
        Assert.DoesNotContain(RealCaptures.CephMon.Warnings, w => w.Contains("bundle of its own"));
    }
}
