using System.Security.Cryptography;
using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>The liblzma decoder against the system's xz and against the managed SharpCompress decoder.</summary>
public sealed class NativeXzStreamTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Native_and_managed_decoders_read_the_real_openstack_bundle_identically()
    {
        var path = TestPaths.RealData("bundles/hotsos-openstack.tar.xz");

        var native = BundleReading.Read(path, out var nativeId, useNativeXz: true, "sos_commands/**/*", "etc/**/*");
        var managed = BundleReading.Read(path, out var managedId, useNativeXz: false, "sos_commands/**/*", "etc/**/*");

        Assert.Equal("xz (liblzma.so.5, native)", native.Decoder);
        Assert.Equal("xz (SharpCompress, managed)", managed.Decoder);
        Assert.Equal(nativeId, managedId);
        Assert.Equal(Listing(managed), Listing(native));
        Assert.Equal(
            managed.CapturedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (f.Path, f.Text)),
            native.CapturedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (f.Path, f.Text)));
        Assert.True(native.Entries.Count > 80_000);
        Assert.Null(native.TruncationReason);
    }

    [Fact]
    public void Decompresses_exactly_what_xz_compressed_including_concatenated_streams()
    {
        var first = temp.Combine("first");
        var second = temp.Combine("second");
        File.WriteAllBytes(first, RandomText(300_000, seed: 1));
        File.WriteAllBytes(second, RandomText(200_000, seed: 2));
        BundleBuilder.RunXz(first, first + ".xz");
        BundleBuilder.RunXz(second, second + ".xz");
        var both = temp.Combine("both.xz");
        File.WriteAllBytes(both, [.. File.ReadAllBytes(first + ".xz"), .. File.ReadAllBytes(second + ".xz")]);

        using var xz = NativeXzStream.TryOpen(File.OpenRead(both))!;
        using var output = new MemoryStream();
        xz.CopyTo(output, 4096);

        Assert.Equal(
            SHA256.HashData([.. File.ReadAllBytes(first), .. File.ReadAllBytes(second)]),
            SHA256.HashData(output.ToArray()));
    }

    [Fact]
    public void Corrupt_data_surfaces_as_invalid_data_not_a_crash()
    {
        var plain = temp.Combine("plain");
        File.WriteAllBytes(plain, RandomText(500_000, seed: 3));
        BundleBuilder.RunXz(plain, plain + ".xz");
        var bytes = File.ReadAllBytes(plain + ".xz");
        for (var i = 1000; i < 1100; i++) bytes[i] ^= 0x5A;

        using var xz = NativeXzStream.TryOpen(new MemoryStream(bytes))!;

        var error = Assert.Throws<InvalidDataException>(() => xz.CopyTo(Stream.Null));
        Assert.Contains("LZMA_DATA_ERROR", error.Message);
    }

    [Fact]
    public void Cut_data_surfaces_as_end_of_stream()
    {
        var plain = temp.Combine("plain");
        File.WriteAllBytes(plain, RandomText(500_000, seed: 4));
        BundleBuilder.RunXz(plain, plain + ".xz");
        var bytes = File.ReadAllBytes(plain + ".xz");

        using var xz = NativeXzStream.TryOpen(new MemoryStream(bytes[..(bytes.Length / 2)]))!;

        Assert.Throws<EndOfStreamException>(() => xz.CopyTo(Stream.Null));
    }

    private static List<(string, BundleEntryKind, long, string?)> Listing(BundleContents contents) =>
        contents.Entries.Select(e => (e.Path, e.Kind, e.Size, e.LinkTarget)).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

    /// <summary>Text that compresses, but not to nothing.</summary>
    private static byte[] RandomText(int length, int seed)
    {
        var random = new Random(seed);
        var words = new[] { "kernel", "nvme0n1", "queue", "timeout", "eth0", "link", "up", "down", "scsi", "i/o", "error", "ok" };
        var text = new System.Text.StringBuilder(length + 32);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(1000)).Append(random.Next(8) == 0 ? '\n' : ' ');
        }

        return System.Text.Encoding.ASCII.GetBytes(text.ToString(0, length));
    }
}
