using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

public sealed class BundleDiscoveryTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_unpacked_sosreport_is_one_bundle_and_a_folder_of_archives_is_a_batch()
    {
        var unpacked = new BundleBuilder("sosreport-a").File("sos_commands/host/hostname", "a\n").WriteUnpacked(temp.FullPath);
        new BundleBuilder("sosreport-b").File("etc/hostname", "b\n").WriteTarXz(temp.Combine("b.tar.xz"));
        new BundleBuilder("sosreport-c").File("etc/hostname", "c\n").WriteTarGz(temp.Combine("c.bin"));
        File.WriteAllText(temp.Combine("notes.txt"), "not a bundle\n");
        Directory.CreateDirectory(temp.Combine("empty-folder"));

        Assert.True(BundleDiscovery.IsUnpackedSosreport(unpacked));
        Assert.False(BundleDiscovery.IsUnpackedSosreport(temp.FullPath));
        var folder = BundleDiscovery.List(temp.FullPath);
        Assert.Equal([temp.Combine("b.tar.xz"), temp.Combine("c.bin"), unpacked], folder.Bundles);
        Assert.Equal(
            [
                new SkippedEntry(temp.Combine("empty-folder"), "a folder that is not an unpacked sosreport (no sos_commands/, sys/ or proc/)"),
                new SkippedEntry(temp.Combine("notes.txt"), "not tar, gzip, xz, bzip2 or zstd data"),
            ],
            folder.Skipped);
    }

    [Fact]
    public void An_unpacked_sos_collect_archive_lists_its_nodes_and_says_nothing_of_the_collectors_own_folders()
    {
        new BundleBuilder("sosreport-node1").File("etc/hostname", "node1\n").WriteTarXz(temp.Combine("sosreport-node1.tar.xz"));
        File.WriteAllText(temp.Combine("sosreport-node1.tar.xz.sha256"), new string('0', 64) + "\n");
        foreach (var own in new[] { "sos_logs", "sos_reports", "checksums" })
        {
            Directory.CreateDirectory(temp.Combine(own));
        }

        File.WriteAllText(temp.Combine("sos_logs", "sos.log"), "collected 1 node\n");
        File.WriteAllText(temp.Combine("notes.txt"), "not a bundle\n");

        var folder = BundleDiscovery.List(temp.FullPath);

        Assert.Equal([temp.Combine("sosreport-node1.tar.xz")], folder.Bundles);
        Assert.Equal([new SkippedEntry(temp.Combine("notes.txt"), "not tar, gzip, xz, bzip2 or zstd data")], folder.Skipped);
    }

    [Fact]
    public void An_empty_file_and_a_web_page_named_like_an_archive_are_skipped_with_their_reasons()
    {
        File.WriteAllBytes(temp.Combine("upload.tar.xz"), []);
        File.WriteAllText(temp.Combine("sosreport.tar.gz"), "<html>404 Not Found</html>\n");

        var folder = BundleDiscovery.List(temp.FullPath);

        Assert.Empty(folder.Bundles);
        Assert.Equal(
            [
                new SkippedEntry(temp.Combine("sosreport.tar.gz"), "an HTML page (a download that failed or asked for a login?)"),
                new SkippedEntry(temp.Combine("upload.tar.xz"), "empty file"),
            ],
            folder.Skipped);
    }

    [Fact]
    public async Task A_fifo_in_the_folder_is_skipped_without_being_opened_and_a_link_to_an_archive_is_a_bundle()
    {
        new BundleBuilder().File("etc/hostname", "h\n").WriteTarXz(temp.Combine("a.tar.xz"));
        File.CreateSymbolicLink(temp.Combine("b.tar.xz"), temp.Combine("a.tar.xz"));
        BundleBuilder.RunTool("mkfifo", [temp.Combine("upload.pipe")]);

        // opening the FIFO would block until a writer came: a listing that does not end is this test failing
        var listing = Task.Run(() => BundleDiscovery.List(temp.FullPath));
        var finished = await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(60))) == listing;
        if (!finished) await using (new FileStream(temp.Combine("upload.pipe"), FileMode.Open, FileAccess.Write)) { }

        Assert.True(finished, "the listing opened the FIFO and waited for a writer");
        var folder = await listing;
        Assert.Equal([temp.Combine("a.tar.xz"), temp.Combine("b.tar.xz")], folder.Bundles);
        Assert.Equal([new SkippedEntry(temp.Combine("upload.pipe"), "not a regular file (a FIFO, socket or device)")], folder.Skipped);
    }
}
