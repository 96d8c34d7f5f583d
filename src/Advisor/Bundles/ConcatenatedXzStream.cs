using SharpCompress.Compressors.Xz;

namespace Advisor.Bundles;

/// <summary>
/// Decodes every xz stream of a file with SharpCompress, one after the other. An .xz file may hold several
/// (<c>cat a.xz b.xz</c>, some parallel compressors), each optionally followed by stream padding: null bytes, a
/// multiple of four (xz file format 1.1, §2.2). xz and liblzma (with <c>LZMA_CONCATENATED</c>) read them all;
/// SharpCompress's <see cref="XZStream"/> stops after the first, which cut such a bundle short.
/// </summary>
internal sealed class ConcatenatedXzStream(Stream raw) : ReadOnlyForwardStream
{
    private static ReadOnlySpan<byte> Magic => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    private Stream current = new XZStream(new NonClosingStream(raw));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            var n = current.Read(buffer);
            if (n > 0) return n;
            if (NextStream() is not { } next) return 0;
            current.Dispose();
            current = next;
        }
    }

    /// <summary>The decoder of the stream after the padding, or null at the end of the file.</summary>
    private XZStream? NextStream()
    {
        var padding = 0;
        int first;
        while ((first = raw.ReadByte()) == 0) padding++;
        if (first < 0)
        {
            return padding % 4 == 0 ? null : throw new InvalidDataException($"xz stream padding of {padding} bytes is not a multiple of four");
        }

        var header = new byte[Magic.Length];
        header[0] = (byte)first;
        raw.ReadAtLeast(header.AsSpan(1), header.Length - 1, throwOnEndOfStream: false);
        if (padding % 4 != 0 || !header.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("xz data is followed by bytes that are neither stream padding nor another xz stream");
        }

        return new XZStream(new HeadReplayStream(header, new NonClosingStream(raw)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) current.Dispose();
        base.Dispose(disposing);
    }
}
