using System.IO.Compression;

namespace Advisor.Storage;

/// <summary>
/// How the large per-bundle documents (facts, the entry list) are stored: their UTF-8 text, gzip-compressed at
/// the fastest level. A real sosreport's 2.4 MB of facts becomes ~250 KB, so writing it costs 30 database pages,
/// not 300.
/// </summary>
internal static class CompressedText
{
    public static byte[] Compress(ReadOnlySpan<byte> utf8)
    {
        using var output = new MemoryStream(utf8.Length / 8 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(utf8);
        }

        return output.ToArray();
    }

    /// <summary>A stream that writes compressed bytes into <paramref name="output"/>; dispose it to finish.</summary>
    public static Stream CompressInto(Stream output) => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 8);
        input.CopyTo(output);
        return output.ToArray();
    }
}
