using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// One sosreport sent inside another archive, as customers and upload portals do (<c>tar -cf upload.tar
/// sosreport-….tar.xz sosreport-….tar.xz.sha256</c>): read as the bundle itself, in the same pass.
/// </summary>
public sealed class WrappedArchiveTests : IDisposable
{
    private const string Sosreport = "sosreport-web01-2026-12-03-abcdef.tar.xz";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Upload()
    {
        var folder = temp.Combine("upload");
        Directory.CreateDirectory(folder);
        SosFixtures.UbuntuNvmeSnapshotHost()
            .File("var/log/messages", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"Nov 23 06:00:{i % 60:00} web01 kernel: event {i * 7919 % 100_003}\n")))
            .WriteTarXz(Path.Combine(folder, Sosreport));
        BundleBuilder.WriteSha256Beside(Path.Combine(folder, Sosreport), digestOnly: false);
        return folder;
    }

    [Theory]
    [InlineData("-cf", "upload.tar", "a plain tar")]
    [InlineData("-czf", "upload.tgz", "gzip (System.IO.Compression, native zlib)")]
    public void A_sosreport_tarred_with_its_checksum_is_read_as_the_bundle(string tarMode, string name, string outer)
    {
        var folder = Upload();
        var archive = temp.Combine(name);
        BundleBuilder.RunTool("tar", [tarMode, archive, "-C", folder, Sosreport + ".sha256", Sosreport]);
        var direct = BundleReading.Read(Path.Combine(folder, Sosreport), out var directId, globs: ["sos_commands/**/*", "etc/hostname"]);

        var contents = BundleReading.Read(archive, out var id, globs: ["sos_commands/**/*", "etc/hostname"]);

        Assert.Equal(Sosreport, contents.WrappedArchive);
        Assert.Equal($"xz (liblzma.so.5, native) for '{Sosreport}', inside {outer}", contents.Decoder);
        Assert.Null(contents.TruncationReason);
        Assert.Empty(contents.Warnings);
        Assert.Equal(direct.Find("sos_commands/kernel/uname_-a")!.Text, contents.Find("sos_commands/kernel/uname_-a")!.Text);
        Assert.Equal(direct.CapturedFiles.Count, contents.CapturedFiles.Count);
        // the bundle is the sosreport itself: its entries only, and the id it has when ingested on its own
        Assert.False(contents.HasEntry(Sosreport + ".sha256"));
        Assert.Equal(direct.EntryCount, contents.EntryCount);
        Assert.Equal(directId, id);
        Assert.Equal($"SHA-256 matches '{Sosreport}.sha256'", contents.ChecksumCheck);
    }

    [Fact]
    public void A_wrapped_sosreport_that_is_not_the_one_its_checksum_names_is_warned_about()
    {
        var folder = Upload();
        SosFixtures.UbuntuNvmeSnapshotHost().File("etc/motd", "re-packed\n").WriteTarXz(Path.Combine(folder, Sosreport));
        var archive = temp.Combine("upload.tar");
        BundleBuilder.RunTool("tar", ["-cf", archive, "-C", folder, Sosreport, Sosreport + ".sha256"]);

        var contents = BundleReading.Read(archive);

        Assert.Equal(Sosreport, contents.WrappedArchive);
        Assert.Null(contents.ChecksumCheck);
        Assert.StartsWith($"the archive's SHA-256 is not the one in '{Sosreport}.sha256'", contents.Warnings[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_older_sos_md5_sent_inside_is_checked_too(bool repacked)
    {
        var folder = Upload();
        File.Delete(Path.Combine(folder, Sosreport + ".sha256"));
        // as md5sum writes it, made before the archive is (possibly) re-packed
        BundleBuilder.RunTool("sh", ["-c", "cd \"$1\" && md5sum \"$2\" | cut -d' ' -f1 > \"$2.md5\"", "sh", folder, Sosreport]);
        if (repacked) SosFixtures.UbuntuNvmeSnapshotHost().File("etc/motd", "re-packed\n").WriteTarXz(Path.Combine(folder, Sosreport));
        var archive = temp.Combine("upload.tar");
        BundleBuilder.RunTool("tar", ["-cf", archive, "-C", folder, Sosreport, Sosreport + ".md5"]);

        var contents = BundleReading.Read(archive);

        Assert.Equal(Sosreport, contents.WrappedArchive);
        Assert.False(contents.HasEntry(Sosreport + ".md5"));
        if (repacked)
        {
            Assert.Null(contents.ChecksumCheck);
            Assert.StartsWith($"the archive's MD5 is not the one in '{Sosreport}.md5'", contents.Warnings[0]);
        }
        else
        {
            Assert.Equal($"MD5 matches '{Sosreport}.md5'", contents.ChecksumCheck);
            Assert.Empty(contents.Warnings);
        }
    }

    [Fact]
    public void A_wrapped_sosreport_cut_in_transfer_is_analysed_as_far_as_it_was_read_and_named()
    {
        var folder = Upload();
        var archive = temp.Combine("upload.tar");
        BundleBuilder.RunTool("tar", ["-cf", archive, "-C", folder, Sosreport]);
        var bytes = File.ReadAllBytes(archive);
        var cut = temp.Combine("cut.tar");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var contents = BundleReading.Read(cut, globs: ["sos_commands/**/*"]);

        Assert.StartsWith($"archive '{Sosreport}' truncated after ", contents.TruncationReason);
        Assert.NotNull(contents.Find("sos_commands/kernel/uname_-a"));
    }

    [Fact]
    public void A_compressed_file_at_the_root_that_is_not_a_tar_is_listed_and_named_not_taken_for_a_bundle()
    {
        var notes = temp.Combine("notes.txt");
        File.WriteAllText(notes, "the customer's notes\n");
        BundleBuilder.RunTool("gzip", [notes]);
        var path = new BundleBuilder()
            .Bytes("notes.tar.gz", File.ReadAllBytes(notes + ".gz"))
            .File("sos_commands/kernel/uname_-a", "Linux web01 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .WriteTarXz(temp.Combine("host.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Null(contents.WrappedArchive);
        Assert.Equal("xz (liblzma.so.5, native)", contents.Decoder);
        Assert.StartsWith("'notes.tar.gz' holds gzip data that is not a tar archive", Assert.Single(contents.Warnings));
        Assert.True(contents.HasEntry("notes.tar.gz"));
        Assert.StartsWith("Linux web01", contents.Find("sos_commands/kernel/uname_-a")!.Text);
    }

    [Fact]
    public void A_damaged_archive_at_the_root_before_the_report_is_named_and_the_report_read_whole()
    {
        var path = new BundleBuilder()
            .Bytes("old.tar.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef])
            .File("sos_commands/kernel/uname_-a", "Linux web01 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .WriteTarXz(temp.Combine("host.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Null(contents.WrappedArchive);
        Assert.Null(contents.TruncationReason);
        Assert.StartsWith("'old.tar.gz' is not a readable archive (", Assert.Single(contents.Warnings));
        Assert.StartsWith("Linux web01", contents.Find("sos_commands/kernel/uname_-a")!.Text);
    }

    [Fact]
    public void An_archive_at_the_root_of_a_real_sosreport_is_not_read_into_it()
    {
        var folder = Upload();
        var path = SosFixtures.UbuntuNvmeSnapshotHost()
            .Bytes("zz-" + Sosreport, File.ReadAllBytes(Path.Combine(folder, Sosreport)))
            .WriteTarXz(temp.Combine("host.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Null(contents.WrappedArchive);
        Assert.Contains(contents.Warnings, w => w.StartsWith($"'zz-{Sosreport}' beside the report is a bundle of its own", StringComparison.Ordinal));
    }
}
