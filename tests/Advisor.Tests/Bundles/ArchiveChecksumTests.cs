using System.Security.Cryptography;
using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>The checksum file sos writes beside its archive (<c>x.tar.xz.sha256</c>: the hex digest and a newline), checked against the bytes read.</summary>
public sealed class ArchiveChecksumTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static BundleBuilder Host() => SosFixtures.UbuntuNvmeSnapshotHost()
        .File("var/log/messages", string.Concat(Enumerable.Range(0, 30_000).Select(i => $"Nov 23 06:00:{i % 60:00} host kernel: event {i * 7919 % 100_003}\n")));

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void An_archive_that_matches_the_sha256_sos_wrote_beside_it_says_so_and_keeps_its_id()
    {
        var archive = Host().WriteTarXz(temp.Combine("sosreport-host-2026-12-03-abcdef.tar.xz"));
        var withoutChecksum = BundleReading.Read(archive, out var idWithout);
        File.WriteAllText(archive + ".sha256", Sha256Of(archive) + "\n");

        var contents = BundleReading.Read(archive, out var id);

        Assert.Equal("SHA-256 matches 'sosreport-host-2026-12-03-abcdef.tar.xz.sha256'", contents.ChecksumCheck);
        Assert.Equal(withoutChecksum.Warnings, contents.Warnings);
        Assert.Equal(idWithout, id);
        Assert.Null(withoutChecksum.ChecksumCheck);
    }

    [Fact]
    public void An_md5_written_by_md5sum_is_checked_too()
    {
        var archive = Host().WriteTarGz(temp.Combine("sosreport-old.tar.gz"));
        BundleBuilder.RunTool("sh", ["-c", "cd \"$1\" && md5sum sosreport-old.tar.gz > sosreport-old.tar.gz.md5", "sh", temp.FullPath]);
        Assert.EndsWith("  sosreport-old.tar.gz\n", File.ReadAllText(archive + ".md5"));

        var contents = BundleReading.Read(archive);

        Assert.Equal("MD5 matches 'sosreport-old.tar.gz.md5'", contents.ChecksumCheck);
        Assert.DoesNotContain(contents.Warnings, w => w.Contains("MD5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_archive_cut_in_transfer_is_truncated_and_its_checksum_says_it_changed_after_sos_wrote_it()
    {
        var whole = Host().WriteTarXz(temp.Combine("whole.tar.xz"));
        var bytes = File.ReadAllBytes(whole);
        var cut = temp.Combine("sosreport-cut.tar.xz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var idWithout = BundleReadingId(cut);
        File.WriteAllText(cut + ".sha256", Sha256Of(whole) + "\n");

        var contents = BundleReading.Read(cut, out var id);

        Assert.NotNull(contents.TruncationReason);
        Assert.Null(contents.ChecksumCheck);
        Assert.StartsWith($"the archive's SHA-256 is not the one in 'sosreport-cut.tar.xz.sha256' ({Sha256Of(whole)[..12]}… written, {Sha256Of(cut)[..12]}… read)", contents.Warnings[0]);
        Assert.Contains("damaged or cut in transfer", contents.Warnings[0]);
        Assert.Equal(idWithout, id);
    }

    [Fact]
    public void A_complete_archive_that_was_repacked_after_sos_wrote_its_checksum_is_warned_about()
    {
        var archive = Host().WriteTarXz(temp.Combine("sosreport-x.tar.xz"));
        File.WriteAllText(archive + ".sha256", Sha256Of(archive) + "\n");
        Host().File("etc/motd", "changed afterwards\n").WriteTarXz(archive);

        var contents = BundleReading.Read(archive);

        Assert.Null(contents.TruncationReason);
        Assert.Contains(contents.Warnings, w => w.StartsWith("the archive's SHA-256 is not the one in 'sosreport-x.tar.xz.sha256'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>404</html>\n")]
    [InlineData("abc123\n")]
    public void A_checksum_file_without_a_digest_is_named_and_nothing_is_claimed(string text)
    {
        var archive = Host().WriteTarXz(temp.Combine("sosreport-y.tar.xz"));
        File.WriteAllText(archive + ".sha256", text);

        var contents = BundleReading.Read(archive);

        Assert.Null(contents.ChecksumCheck);
        Assert.Contains("'sosreport-y.tar.xz.sha256' beside the archive holds no SHA-256 digest: the archive was not checked against it", contents.Warnings);
    }

    [Fact]
    public void A_folder_of_archives_reads_the_checksum_files_with_them_instead_of_skipping_them()
    {
        var archive = Host().WriteTarXz(temp.Combine("sosreport-z.tar.xz"));
        File.WriteAllText(archive + ".sha256", Sha256Of(archive) + "\n");
        File.WriteAllText(temp.Combine("stray.sha256"), Sha256Of(archive) + "\n");

        var folder = BundleDiscovery.List(temp.FullPath);

        Assert.Equal([archive], folder.Bundles);
        Assert.Equal([temp.Combine("stray.sha256")], folder.Skipped.Select(s => s.Path));
    }

    private static string BundleReadingId(string path)
    {
        BundleReading.Read(path, out var id);
        return id;
    }
}
