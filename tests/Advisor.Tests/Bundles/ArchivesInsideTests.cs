using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// An archive of sosreport archives, as <c>sos collect</c> writes it (<c>sos-collector-…/</c> holding each node's
/// <c>sosreport-….tar.xz</c> and its <c>.sha256</c> in name order, <c>sos_logs/</c>, <c>sos_reports/</c>), made
/// with the system's tar and xz: <see cref="BundleReader.ReadEach"/> hands on each node as a bundle of its own.
/// </summary>
public sealed class ArchivesInsideTests : IDisposable
{
    private const string Top = "sos-collector-case1-2026-12-03-abcde";
    private const string Node1 = "sosreport-node1-2026-12-03-aaaaa.tar.xz";
    private const string Node2 = "sosreport-node2-2026-12-03-bbbbb.tar.xz";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static BundleBuilder Report(string host, int logLines = 0, int cpus = 0)
    {
        var report = new BundleBuilder($"sosreport-{host}-2026-12-03-abcdef")
            .File("sos_commands/kernel/uname_-a", $"Linux {host} 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("etc/hostname", host + "\n")
            .File("var/log/messages", string.Concat(Enumerable.Range(0, logLines).Select(i => $"Dec  3 06:00:{i % 60:00} {host} kernel: event {i * 7919 % 100_003}\n")));
        for (var cpu = 0; cpu < cpus; cpu++)
        {
            report.File($"sys/devices/system/cpu/cpu{cpu}/online", "1\n");
        }

        return report;
    }

    /// <summary>The collector's folder, its node archives and their checksums written; returns the folder.</summary>
    private string CollectorFolder(int logLines = 0, int cpus = 0)
    {
        var folder = Path.Combine(temp.Combine("collect"), Top);
        Directory.CreateDirectory(Path.Combine(folder, "sos_logs"));
        Directory.CreateDirectory(Path.Combine(folder, "sos_reports"));
        File.WriteAllText(Path.Combine(folder, "sos_logs", "sos.log"), "collected 2 nodes\n");
        File.WriteAllText(Path.Combine(folder, "sos_reports", "manifest.json"), "{\"version\": \"4.5.6\", \"cmdlineopts\": {}}\n");
        Report("node1", logLines, cpus).WriteTarXz(Path.Combine(folder, Node1));
        Report("node2", logLines, cpus).WriteTarXz(Path.Combine(folder, Node2));
        foreach (var node in new[] { Node1, Node2 })
        {
            BundleBuilder.WriteSha256Beside(Path.Combine(folder, node), digestOnly: true);
        }

        return folder;
    }

    /// <summary>The folder tarred as sos does: every member named, in name order (Python's tarfile adds a folder sorted).</summary>
    private string Tar(string folder, params string[] members)
    {
        var archive = temp.Combine(Top + ".tar.xz");
        string[] inOrder = members.Length > 0
            ? members
            : ["", "sos_logs", "sos_logs/sos.log", "sos_reports", "sos_reports/manifest.json", Node1, Node1 + ".sha256", Node2, Node2 + ".sha256"];
        BundleBuilder.RunTool("tar", ["--no-recursion", "-cJf", archive, "-C", Path.GetDirectoryName(folder)!, .. inOrder.Select(m => m.Length == 0 ? Top : $"{Top}/{m}")]);
        return archive;
    }

    private static (List<BundleRead> Bundles, IReadOnlyList<string> AboutTheFile) ReadEach(string path, BundleLimits? limits = null)
    {
        var bundles = new List<BundleRead>();
        var reader = new BundleReader(new WantedPaths(["etc/hostname", "sos_commands/**/*"]), limits ?? new BundleLimits());
        var aboutTheFile = reader.ReadEach(path, bundles.Add);
        return (bundles, aboutTheFile);
    }

    [Fact]
    public void Each_node_of_a_sos_collect_archive_is_a_bundle_of_its_own_with_the_id_it_has_on_its_own()
    {
        var folder = CollectorFolder();
        var archive = Tar(folder);

        var (bundles, aboutTheFile) = ReadEach(archive);

        Assert.Empty(aboutTheFile);
        Assert.Equal([Node1, Node2], bundles.Select(b => b.Inside));
        Assert.All(bundles, b => Assert.True(b.OneOfSeveral));
        Assert.Equal(["node1\n", "node2\n"], bundles.Select(b => b.Contents.Find("etc/hostname")!.Text));
        foreach (var (bundle, node) in bundles.Zip([Node1, Node2]))
        {
            BundleReading.Read(Path.Combine(folder, node), out var idOnItsOwn);
            Assert.Equal(idOnItsOwn, bundle.BundleId);
            Assert.Equal($"SHA-256 matches '{node}.sha256'", bundle.Contents.ChecksumCheck);
            Assert.Equal($"xz (liblzma.so.5, native) for '{node}', inside xz (liblzma.so.5, native)", bundle.Contents.Decoder);
            Assert.Empty(bundle.Contents.Warnings);
            // the collector's own files are not a node's
            Assert.False(bundle.Contents.HasEntry("sos_logs/sos.log"));
        }
    }

    [Fact]
    public void Reading_one_bundle_refuses_the_archive_naming_its_nodes_and_the_command_that_reads_them()
    {
        var archive = Tar(CollectorFolder());

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(archive));

        Assert.Equal($"{archive}: holds 2 bundles ({Node1}, {Node2}) instead of being one sosreport: 'advisor ingest' reads each of them as a bundle of its own", error.Message);
    }

    [Fact]
    public void A_node_that_is_not_the_archive_its_checksum_names_is_marked_and_the_other_is_not()
    {
        var folder = CollectorFolder();
        File.WriteAllText(Path.Combine(folder, Node2 + ".sha256"), new string('0', 64) + "\n");
        var archive = Tar(folder);

        var (bundles, _) = ReadEach(archive);

        Assert.Null(bundles[0].Contents.ChecksumMismatch);
        Assert.StartsWith($"the archive's SHA-256 is not the one in '{Node2}.sha256'", bundles[1].Contents.ChecksumMismatch);
        Assert.Equal(bundles[1].Contents.ChecksumMismatch, bundles[1].Contents.Warnings[0]);
    }

    [Fact]
    public void The_checksums_folder_of_an_obfuscated_collect_archive_is_checked_too()
    {
        // sos collect --clean: the checksums of the re-written node archives go into checksums/, before the nodes
        var folder = CollectorFolder();
        Directory.CreateDirectory(Path.Combine(folder, "checksums"));
        File.Move(Path.Combine(folder, Node1 + ".sha256"), Path.Combine(folder, "checksums", Node1 + ".sha256"));
        File.WriteAllText(Path.Combine(folder, "checksums", Node2 + ".sha256"), new string('0', 64) + "\n");
        var archive = Tar(folder, "", "checksums", $"checksums/{Node1}.sha256", $"checksums/{Node2}.sha256", Node1, Node2);

        var (bundles, _) = ReadEach(archive);

        Assert.Equal($"SHA-256 matches '{Node1}.sha256'", bundles[0].Contents.ChecksumCheck);
        Assert.StartsWith($"the archive's SHA-256 is not the one in '{Node2}.sha256'", bundles[1].Contents.ChecksumMismatch);
    }

    [Fact]
    public void A_checksum_that_comes_after_its_node_was_handed_on_is_still_checked_and_a_mismatch_said_of_the_file()
    {
        var folder = CollectorFolder();
        File.WriteAllText(Path.Combine(folder, Node1 + ".sha256"), new string('0', 64) + "\n");
        var archive = Tar(folder, "", Node1, Node2, Node2 + ".sha256", Node1 + ".sha256");

        var (bundles, aboutTheFile) = ReadEach(archive);

        Assert.Equal(2, bundles.Count);
        Assert.StartsWith($"'{Node1}': the archive's SHA-256 is not the one in '{Node1}.sha256'", Assert.Single(aboutTheFile));
        Assert.EndsWith("(found after its analysis was made)", aboutTheFile[0]);
    }

    [Fact]
    public void A_node_is_finished_while_the_reader_goes_on_one_node_at_a_time_in_order()
    {
        const string Node3 = "sosreport-node3-2026-12-03-ccccc.tar.xz";
        var folder = CollectorFolder();
        Report("node3").WriteTarXz(Path.Combine(folder, Node3));
        BundleBuilder.WriteSha256Beside(Path.Combine(folder, Node3), digestOnly: true);
        var archive = Tar(folder, "", Node1, Node1 + ".sha256", Node2, Node2 + ".sha256", Node3, Node3 + ".sha256");
        var counting = new BundleReadProgress();
        new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits()) { Progress = counting }.ReadEach(archive, _ => { });
        var progress = new BundleReadProgress();
        var reader = new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits()) { Progress = progress };
        var received = new List<string>();
        var busy = 0;
        var readOnWhileTheFirstWasFinished = false;

        reader.ReadEach(archive, bundle =>
        {
            Assert.Equal(0, Interlocked.Exchange(ref busy, 1));
            if (received.Count == 0)
            {
                // node 1 is handed on once node 2 is read: every entry up to node 3's checksum (the last) is seen
                // while it is still being finished
                readOnWhileTheFirstWasFinished = SpinWait.SpinUntil(() => progress.EntriesSeen >= counting.EntriesSeen - 1, TimeSpan.FromSeconds(20));
            }

            received.Add(bundle.Contents.Find("etc/hostname")!.Text);
            Volatile.Write(ref busy, 0);
        });

        Assert.True(readOnWhileTheFirstWasFinished, "the reader waited for node 1 to be finished before reading node 3");
        Assert.Equal(["node1\n", "node2\n", "node3\n"], received);
    }

    [Fact]
    public void What_the_receiver_throws_for_a_node_is_what_the_read_throws_and_no_later_node_is_handed_on()
    {
        var archive = Tar(CollectorFolder());
        var reader = new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits());
        var calls = 0;

        var thrown = Assert.Throws<TimeoutException>(() => reader.ReadEach(archive, _ =>
        {
            calls++;
            throw new TimeoutException("the receiver's own failure");
        }));

        Assert.Equal("the receiver's own failure", thrown.Message);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_collect_archive_cut_inside_the_second_node_gives_the_first_whole_and_the_second_as_far_as_it_was_read()
    {
        var archive = Tar(CollectorFolder(logLines: 200_000));
        var bytes = File.ReadAllBytes(archive);
        var cut = temp.Combine("cut.tar.xz");
        File.WriteAllBytes(cut, bytes[..(int)(bytes.Length * 0.75)]);

        var (bundles, aboutTheFile) = ReadEach(cut);

        Assert.Equal(2, bundles.Count);
        Assert.Null(bundles[0].Contents.TruncationReason);
        Assert.Equal("node1\n", bundles[0].Contents.Find("etc/hostname")!.Text);
        Assert.StartsWith($"archive '{Node2}' truncated after ", bundles[1].Contents.TruncationReason);
        Assert.Contains(aboutTheFile, w => w.StartsWith("archive truncated after ", StringComparison.Ordinal) && w.Contains($"in '{Node2}'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_archive_beside_the_nodes_that_holds_no_sosreport_is_named_and_not_taken_for_a_node()
    {
        var folder = CollectorFolder();
        new BundleBuilder("extra-logs").File("app/app.log", "started\n").WriteTarGz(Path.Combine(folder, "extra-logs.tar.gz"));
        var archive = Tar(folder, "", "extra-logs.tar.gz", Node1, Node2);

        var (bundles, aboutTheFile) = ReadEach(archive);

        Assert.Equal([Node1, Node2], bundles.Select(b => b.Inside));
        Assert.Equal("'extra-logs.tar.gz' holds no sosreport (no sos_commands/, sys/ or proc/): listed, not analysed", Assert.Single(aboutTheFile));
    }

    [Fact]
    public void Each_node_has_the_limits_of_a_bundle_of_its_own()
    {
        var folder = CollectorFolder(cpus: 16);
        var archive = Tar(folder);
        var entriesOfANode = BundleReading.Read(Path.Combine(folder, Node1)).EntryCount;

        // more entries than the collector's archive lists (9), fewer than a node holds
        var (bundles, aboutTheFile) = ReadEach(archive, new BundleLimits { MaxEntries = entriesOfANode - 1 });

        Assert.True(entriesOfANode - 1 > 9);
        Assert.Equal(2, bundles.Count);
        Assert.All(bundles, b => Assert.StartsWith($"stopped after {entriesOfANode - 1} entries: the bundle exceeds Limits:MaxEntries", b.Contents.TruncationReason));
        Assert.Empty(aboutTheFile);
    }

    [Fact]
    public void What_a_wrapped_sosreport_decompresses_to_counts_against_the_limit_not_only_its_compressed_bytes()
    {
        // 4 MB of one repeated line: a few KB of xz, far over a 1 MB limit once decompressed
        var folder = Directory.CreateDirectory(temp.Combine("upload")).FullName;
        Report("web01", logLines: 0).File("var/log/messages", string.Concat(Enumerable.Repeat("Dec  3 06:00:00 web01 kernel: same line\n", 100_000)))
            .WriteTarXz(Path.Combine(folder, Node1));
        var upload = temp.Combine("upload.tar");
        BundleBuilder.RunTool("tar", ["-cf", upload, "-C", folder, Node1]);
        var reader = new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits { MaxUncompressedBytes = 1 << 20 });

        var contents = reader.Read(upload, out _);

        Assert.True(new FileInfo(upload).Length < 1 << 20);
        Assert.Contains("the bundle exceeds Limits:MaxUncompressedBytes = 1048576 (1 MiB) of uncompressed data", contents.TruncationReason);
    }

    [Fact]
    public void What_the_receiver_of_a_node_throws_reaches_the_caller_as_it_is_not_as_damage_of_the_archive()
    {
        var archive = Tar(CollectorFolder());
        var reader = new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits());

        var thrown = Assert.Throws<IOException>(() => reader.ReadEach(archive, _ => throw new IOException("disk full")));

        Assert.Equal("disk full", thrown.Message);
    }

    [Fact]
    public void A_plain_sosreport_is_handed_on_once_as_the_file_itself()
    {
        var path = Report("web01").WriteTarXz(temp.Combine("sosreport-web01.tar.xz"));

        var (bundles, aboutTheFile) = ReadEach(path);

        var only = Assert.Single(bundles);
        Assert.Null(only.Inside);
        Assert.False(only.OneOfSeveral);
        Assert.Equal("web01\n", only.Contents.Find("etc/hostname")!.Text);
        Assert.Empty(aboutTheFile);
    }
}
