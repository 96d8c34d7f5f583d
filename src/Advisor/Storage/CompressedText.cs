using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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

    /// <summary>
    /// JSON of <paramref name="value"/> by the generated writer of <paramref name="type"/>, passed to the compressor
    /// 64 KB at a time, so the text is never whole in memory.
    /// </summary>
    public static byte[] CompressJson<T>(T value, JsonTypeInfo<T> type)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            var chunks = new ChunkedStreamWriter(gzip);
            using (var writer = new Utf8JsonWriter(chunks))
            {
                JsonSerializer.Serialize(writer, value, type);
            }

            chunks.Flush();
        }

        return output.ToArray();
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> that hands each filled chunk of its one buffer to a stream.</summary>
    private sealed class ChunkedStreamWriter(Stream stream) : IBufferWriter<byte>
    {
        private byte[] buffer = new byte[1 << 16];
        private int used;

        public void Advance(int count) => used += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => buffer.AsMemory(Reserve(sizeHint));

        public Span<byte> GetSpan(int sizeHint = 0) => buffer.AsSpan(Reserve(sizeHint));

        public void Flush()
        {
            stream.Write(buffer, 0, used);
            used = 0;
        }

        private int Reserve(int sizeHint)
        {
            var needed = Math.Max(sizeHint, 1);
            if (buffer.Length - used >= needed) return used;
            Flush();
            if (buffer.Length < needed) buffer = new byte[needed];
            return 0;
        }
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
