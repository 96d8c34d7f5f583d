using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>Every container a sosreport comes in, each made for real (System.Formats.Tar and the system's compressors).</summary>
public sealed class BundleReaderFormatTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static BundleBuilder Sample() => new BundleBuilder()
        .File("sos_commands/kernel/uname_-a", "Linux testhost 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
        .File("etc/hostname", "testhost\n")
        .File("var/log/big.log", string.Concat(Enumerable.Range(0, 20000).Select(i => $"line {i} of a log nobody asked for\n")))
        .Symlink("uname", "sos_commands/kernel/uname_-a");

    public static TheoryData<string, BundleFormat, string> Formats => new()
    {
        { "tar", BundleFormat.Tar, "none (plain tar)" },
        { "tar.gz", BundleFormat.Gzip, "gzip" },
        { "tar.xz", BundleFormat.Xz, "xz (liblzma.so.5, native)" },
        { "tar.bz2", BundleFormat.Bzip2, "bzip2" },
        { "tar.zst", BundleFormat.Zstd, "zstd" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Each_format_is_read_in_one_pass_with_the_top_folder_stripped(string extension, BundleFormat format, string decoder)
    {
        var path = temp.Combine("bundle." + extension);
        var builder = Sample();
        _ = extension switch
        {
            "tar" => builder.WriteTar(path),
            "tar.gz" => builder.WriteTarGz(path),
            "tar.xz" => builder.WriteTarXz(path),
            "tar.bz2" => builder.WriteTarBz2(path),
            _ => builder.WriteTarZst(path),
        };

        var contents = BundleReading.Read(path, globs: ["sos_commands/**/*", "etc/hostname"]);

        Assert.Equal(format, contents.Format);
        Assert.StartsWith(decoder, contents.Decoder);
        Assert.Null(contents.TruncationReason);
        Assert.True(contents.HasEntry("var/log/big.log"));
        Assert.Null(contents.Find("var/log/big.log"));
        Assert.Equal("testhost\n", contents.Find("etc/hostname")!.Text);
        Assert.StartsWith("Linux testhost 5.15.0-91-generic", contents.Find("uname")!.Text);
        Assert.DoesNotContain(contents.Entries, e => e.Path.StartsWith("sosreport-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xz", true)]
    [InlineData("xz", false)]
    [InlineData("gzip", true)]
    [InlineData("bzip2", true)]
    [InlineData("zstd", true)]
    public void A_bundle_compressed_as_two_streams_one_after_the_other_is_read_whole(string compressor, bool nativeXz)
    {
        // what 'cat part1.xz part2.xz' or a parallel compressor writes: each half of the tar its own stream
        var tar = Sample().ToTarBytes();
        var path = temp.Combine("two-streams." + compressor);
        using (var output = File.Create(path))
        {
            foreach (var half in new[] { tar[..(tar.Length / 2)], tar[(tar.Length / 2)..] })
            {
                output.Write(Compress(compressor, half));
            }
        }

        var contents = BundleReading.Read(path, useNativeXz: nativeXz, globs: ["etc/hostname"]);

        Assert.True(contents.TruncationReason is null, contents.TruncationReason);
        Assert.Equal(Sample().Paths.Count, contents.CountOf(BundleEntryKind.File) + contents.CountOf(BundleEntryKind.Symlink));
        Assert.Equal("testhost\n", contents.Find("etc/hostname")!.Text);
    }

    [Fact]
    public void A_tar_zst_written_by_pzstd_which_opens_with_a_skippable_frame_is_read_as_zstd()
    {
        // pzstd (parallel zstd) puts a skippable frame before each frame, so the file does not start with 28 B5 2F FD
        var tar = Sample().WriteTar(temp.Combine("bundle.tar"));
        BundleBuilder.RunTool("pzstd", ["-q", "-p", "2", tar, "-o", tar + ".zst"]);
        Assert.Equal(0x50, File.ReadAllBytes(tar + ".zst")[0] & 0xF0);

        var contents = BundleReading.Read(tar + ".zst", globs: ["etc/hostname"]);

        Assert.Equal(BundleFormat.Zstd, contents.Format);
        Assert.True(contents.TruncationReason is null, contents.TruncationReason);
        Assert.Equal("testhost\n", contents.Find("etc/hostname")!.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Xz_stream_padding_between_two_streams_is_skipped_by_both_decoders(bool nativeXz)
    {
        var tar = Sample().ToTarBytes();
        var path = temp.Combine("padded.tar.xz");
        File.WriteAllBytes(path, [.. Compress("xz", tar[..1000]), .. new byte[8], .. Compress("xz", tar[1000..])]);

        var contents = BundleReading.Read(path, useNativeXz: nativeXz, globs: ["etc/hostname"]);

        Assert.True(contents.TruncationReason is null, contents.TruncationReason);
        Assert.Equal("testhost\n", contents.Find("etc/hostname")!.Text);
    }

    private byte[] Compress(string compressor, byte[] data)
    {
        var input = temp.Combine($"part-{Guid.NewGuid():N}");
        File.WriteAllBytes(input, data);
        BundleBuilder.RunTool(compressor, compressor == "zstd" ? ["-q", input] : ["-k", input]);
        var extension = compressor switch { "xz" => ".xz", "gzip" => ".gz", "bzip2" => ".bz2", _ => ".zst" };
        return File.ReadAllBytes(input + extension);
    }

    [Theory]
    [InlineData("tar.xz", "gzip", "xz (liblzma.so.5, native) inside gzip (System.IO.Compression, native zlib)")]
    [InlineData("tar.gz", "xz", "gzip (System.IO.Compression, native zlib) inside xz (liblzma.so.5, native)")]
    public void A_bundle_compressed_once_more_on_its_way_is_read_through_both(string extension, string again, string decoder)
    {
        // x.tar.xz.gz: a download gzipped again by a server and saved without decoding
        var path = temp.Combine("bundle." + extension);
        _ = extension == "tar.xz" ? Sample().WriteTarXz(path) : Sample().WriteTarGz(path);
        BundleBuilder.RunTool(again, ["-k", path]);

        var contents = BundleReading.Read(path + (again == "gzip" ? ".gz" : ".xz"), globs: ["etc/hostname"]);

        Assert.Equal(decoder, contents.Decoder);
        Assert.True(contents.TruncationReason is null, contents.TruncationReason);
        Assert.Equal("testhost\n", contents.Find("etc/hostname")!.Text);
    }

    [Fact]
    public void The_format_comes_from_the_content_not_the_name()
    {
        var path = Sample().WriteTarXz(temp.Combine("misnamed.tar.gz"));

        var contents = BundleReading.Read(path);

        Assert.Equal(BundleFormat.Xz, contents.Format);
        Assert.True(contents.HasEntry("etc/hostname"));
    }

    [Fact]
    public void An_unpacked_folder_reads_like_the_archive_and_hashes_the_same_twice()
    {
        var folder = Sample().WriteUnpacked(temp.FullPath);

        var first = BundleReading.Read(folder, out var firstId);
        BundleReading.Read(folder, out var secondId);

        Assert.Equal(BundleFormat.Directory, first.Format);
        Assert.Equal("testhost\n", first.Find("etc/hostname")!.Text);
        Assert.StartsWith("Linux testhost", first.Find("uname")!.Text);
        Assert.Equal(firstId, secondId);
    }

    [Fact]
    public void A_file_that_is_no_archive_is_refused_with_one_line_naming_it()
    {
        var path = temp.Combine("notes.txt");
        File.WriteAllText(path, "just some text, not a bundle\n");

        var error = Assert.Throws<BundleReadException>(() => BundleReading.Read(path));

        Assert.Contains("notes.txt", error.Message);
        Assert.Contains("not a bundle", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_capture_cap_keeps_the_head_and_marks_the_file_truncated()
    {
        var path = Sample().WriteTarXz(temp.Combine("b.tar.xz"));
        var reader = new BundleReader(new WantedPaths(["var/log/big.log"]), new BundleLimits { MaxCapturedBytesPerFile = 1000 });

        var big = reader.Read(path, out _).Find("var/log/big.log")!;

        Assert.True(big.Truncated);
        Assert.Equal(1000, big.Text.Length);
        Assert.StartsWith("line 0 of a log", big.Text);
        Assert.True(big.Size > 100_000);
    }

    [Fact]
    public async Task A_bundle_piped_in_reads_like_the_file_with_the_same_id()
    {
        var path = Sample().WriteTarXz(temp.Combine("b.tar.xz"));
        var pipe = temp.Combine("pipe");
        BundleBuilder.RunTool("mkfifo", [pipe]);
        // the writer side of `cat b.tar.xz | advisor ingest /dev/stdin`: a stream that cannot seek back
        var writer = Task.Run(() =>
        {
            using var input = File.OpenRead(path);
            using var output = new FileStream(pipe, FileMode.Open, FileAccess.Write);
            input.CopyTo(output);
        });

        var piped = BundleReading.Read(pipe, out var pipedId);
        await writer;
        BundleReading.Read(path, out var fileId);

        Assert.Equal(BundleFormat.Xz, piped.Format);
        Assert.Null(piped.TruncationReason);
        Assert.Equal("testhost\n", piped.Find("etc/hostname")!.Text);
        Assert.Equal(fileId, pipedId);
    }

    [Fact]
    public void An_archive_with_nothing_of_a_sosreport_says_so_and_a_real_sosreport_does_not()
    {
        var path = new BundleBuilder("backup")
            .File("etc/hostname", "h\n")
            .File("home/user/notes.txt", "not a sosreport\n")
            .WriteTarGz(temp.Combine("backup.tar.gz"));

        var other = BundleReading.Read(path);

        Assert.Contains("no sos_commands/, sys/ or proc/ in what was read: this does not look like a sosreport, and no check that needs them could run", other.Warnings);
        Assert.DoesNotContain(RealCaptures.Openstack.Warnings, w => w.Contains("does not look like a sosreport"));
        Assert.DoesNotContain(RealCaptures.CephMon.Warnings, w => w.Contains("does not look like a sosreport"));
    }
}
