namespace Advisor.Bundles;

public enum BundleFormat
{
    Unknown,
    Directory,
    Tar,
    Gzip,
    Xz,
    Bzip2,
    Zstd,

    /// <summary>Read from the running system (<c>advisor ingest --live</c>), not from a file.</summary>
    Live,
}

public static class BundleFormatNames
{
    /// <summary>The format as stored and printed: <c>xz</c>, <c>gzip</c>, <c>directory</c>.</summary>
    public static string ToName(this BundleFormat format) => format.ToString().ToLowerInvariant();
}

public static class BundleFormatDetector
{
    /// <summary>
    /// Detects the container of the data <paramref name="stream"/> holds from its first 512 bytes;
    /// <paramref name="replayed"/> hands out those bytes again, then the rest of <paramref name="stream"/>.
    /// </summary>
    public static BundleFormat Peek(Stream stream, out Stream replayed)
    {
        var head = new byte[512];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        replayed = new HeadReplayStream(head.AsMemory(0, headLength), stream);
        return Detect(head.AsSpan(0, headLength));
    }

    /// <summary>Detects the container from its first bytes, never from the file name.</summary>
    public static BundleFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b) return BundleFormat.Gzip;
        if (head.Length >= 6 && head[..6].SequenceEqual(new byte[] { 0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00 })) return BundleFormat.Xz;
        if (head.Length >= 3 && head[0] == (byte)'B' && head[1] == (byte)'Z' && head[2] == (byte)'h') return BundleFormat.Bzip2;
        if (head.Length >= 4 && head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD) return BundleFormat.Zstd;
        // a skippable frame (magic 0x184D2A50-0x184D2A5F) opens what pzstd writes: the sizes of the frames that follow
        if (head.Length >= 4 && (head[0] & 0xF0) == 0x50 && head[1] == 0x2A && head[2] == 0x4D && head[3] == 0x18) return BundleFormat.Zstd;
        if (head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8)) return BundleFormat.Tar;
        if (TarMemberReader.IsHeader(head)) return BundleFormat.Tar; // a v7 tar (tar --format=v7) has no magic
        return BundleFormat.Unknown;
    }
}
