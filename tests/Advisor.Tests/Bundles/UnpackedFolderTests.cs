using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>An unpacked sosreport read as a folder: listed and captured as its archive would be, links never walked.</summary>
public sealed class UnpackedFolderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_folder_that_is_no_sosreport_is_said_to_be_so_once_read_alone_or_as_one_of_each()
    {
        var folder = new BundleBuilder("notes").File("etc/hostname", "web01\n").WriteUnpacked(temp.FullPath);
        var reader = new BundleReader(new WantedPaths(["etc/hostname"]), new BundleLimits());
        var each = new List<BundleRead>();

        var alone = reader.Read(folder, out _);
        reader.ReadEach(folder, each.Add);

        const string notASosreport = "no sos_commands/, sys/ or proc/ in what was read: this does not look like a sosreport, and no check that needs them could run";
        Assert.Equal([notASosreport], alone.Warnings);
        Assert.Equal([notASosreport], Assert.Single(each).Contents.Warnings);
    }

    [Fact]
    public void A_real_sosreport_unpacked_by_tar_reads_like_its_archive()
    {
        var archive = TestPaths.RealData("bundles/hotsos-ceph-mon.tar.xz");
        BundleBuilder.RunTool("tar", ["-xJf", archive, "-C", temp.FullPath]);
        var folder = Assert.Single(Directory.GetDirectories(temp.FullPath));
        var reader = new BundleReader(HostFactsBuilder.Wanted, new BundleLimits());

        var packed = reader.Read(archive, out _);
        var unpacked = reader.Read(folder, out _);

        Assert.Equal(BundleFormat.Directory, unpacked.Format);
        // sysfs is full of links to folders (sys/block/sda -> ../devices/...): listed as links, not walked again
        Assert.Contains(unpacked.Entries, e => e.Kind == BundleEntryKind.Symlink && Directory.Exists(Path.Combine(folder, e.Path)));
        Assert.Equal(packed.EntryCount, unpacked.EntryCount);
        Assert.Equal(Sorted(packed.Entries), Sorted(unpacked.Entries));
        Assert.Equal(Captured(packed), Captured(unpacked));
        Assert.Equal(packed.Warnings.Order(), unpacked.Warnings.Order());
    }

    [Fact]
    public void A_link_to_a_folder_outside_the_bundle_is_listed_with_a_warning_and_never_walked()
    {
        var outside = temp.Combine("analyst-machine");
        Directory.CreateDirectory(Path.Combine(outside, "queue"));
        File.WriteAllText(Path.Combine(outside, "queue/scheduler"), "[mq-deadline] none\n");
        var folder = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .Symlink("sys/block/sda", outside)
            .WriteUnpacked(temp.Combine("bundle"));

        var contents = BundleReading.Read(folder);

        Assert.Equal(BundleEntryKind.Symlink, contents.Entries.Single(e => e.Path == "sys/block/sda").Kind);
        Assert.DoesNotContain(contents.Entries, e => e.Path.StartsWith("sys/block/sda/", StringComparison.Ordinal));
        Assert.Null(contents.Find("sys/block/sda/queue/scheduler"));
        Assert.Contains(contents.Warnings, w => w.Contains("'sys/block/sda'") && w.Contains("outside the bundle"));
    }

    [Fact]
    public void A_link_to_a_folder_inside_is_followed_by_name_and_a_link_to_its_own_parent_is_not_walked()
    {
        var folder = new BundleBuilder()
            .File("sys/devices/pci0000:00/0000:00:1f.2/block/sda/queue/scheduler", "[mq-deadline] none\n")
            .Symlink("sys/block/sda", "../devices/pci0000:00/0000:00:1f.2/block/sda")
            .Symlink("sys/block/up", "..")
            .WriteUnpacked(temp.Combine("bundle"));

        var contents = BundleReading.Read(folder);

        Assert.Equal("[mq-deadline] none\n", contents.Find("sys/block/sda/queue/scheduler")!.Text);
        Assert.Equal("[mq-deadline] none\n", contents.Find("sys/block/up/block/sda/queue/scheduler")!.Text);
        Assert.DoesNotContain(contents.Entries, e => e.Path.StartsWith("sys/block/sda/", StringComparison.Ordinal));
        Assert.DoesNotContain(contents.Entries, e => e.Path.StartsWith("sys/block/up/", StringComparison.Ordinal));
        Assert.Equal(["sda", "up"], contents.ListFolder("sys/block"));
    }

    [Fact]
    public async Task A_fifo_where_a_file_was_expected_is_listed_and_never_opened()
    {
        var folder = new BundleBuilder()
            .File("etc/hostname", "h\n")
            .WriteUnpacked(temp.Combine("bundle"));
        var fifo = Path.Combine(folder, "sos_commands/kernel/uname_-a");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        BundleBuilder.RunTool("mkfifo", [fifo]);

        // opening the FIFO would block until a writer came: a read that does not end is this test failing
        var read = Task.Run(() => BundleReading.Read(folder));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60))) == read;
        if (!finished) await using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }

        Assert.True(finished, "the read opened the FIFO and waited for a writer");
        var contents = await read;
        Assert.Equal(BundleEntryKind.Other, contents.Entries.Single(e => e.Path == "sos_commands/kernel/uname_-a").Kind);
        Assert.Null(contents.Find("sos_commands/kernel/uname_-a"));
        Assert.Equal("h\n", contents.Find("etc/hostname")!.Text);
    }

    [Fact]
    public void A_tar_file_in_the_folder_is_read_into_the_folder_that_holds_it_as_in_an_archive()
    {
        // sos --pack-dir: proc/fs packed as proc/fs.tar, its members named fs/...
        var staging = temp.Combine("staging");
        Directory.CreateDirectory(Path.Combine(staging, "fs/xfs"));
        File.WriteAllText(Path.Combine(staging, "fs/xfs/stat"), "extent_alloc 1 2 3\n");
        BundleBuilder.RunTool("tar", ["-cf", temp.Combine("fs.tar"), "-C", staging, "fs"]);
        var inner = File.ReadAllBytes(temp.Combine("fs.tar"));
        var builder = new BundleBuilder()
            .File("proc/cpuinfo", "processor : 0\n")
            .Bytes("proc/fs.tar", inner);
        var folder = builder.WriteUnpacked(temp.Combine("bundle"));
        var archive = builder.WriteTarXz(temp.Combine("packed.tar.xz"));

        var unpacked = BundleReading.Read(folder);

        Assert.True(unpacked.HasEntry("proc/fs.tar"));
        Assert.Equal("extent_alloc 1 2 3\n", unpacked.Find("proc/fs/xfs/stat")!.Text);
        Assert.Equal(Sorted(BundleReading.Read(archive).Entries), Sorted(unpacked.Entries));
    }

    private static List<BundleEntry> Sorted(IEnumerable<BundleEntry> entries) =>
        entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

    private static List<(string, string, bool)> Captured(BundleContents contents) =>
        contents.CapturedFiles.Select(f => (f.Path, f.Text, f.Truncated)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
}
