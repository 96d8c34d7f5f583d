using System.Text;

namespace Advisor.Bundles;

/// <summary>
/// Sits under <see cref="System.Formats.Tar.TarReader"/> and remembers the last 512-byte block read, so that a
/// member the reader rejects (it throws <see cref="NotSupportedException"/> for GNU sparse members, type
/// <c>S</c>) can be skipped instead of ending the read: the rejected header is the last block, and its size
/// field says how much data follows. A fresh TarReader then carries on from the next member.
/// </summary>
internal sealed class TarRecoveryStream(Stream inner) : Stream
{
    private const int Block = 512;
    private readonly byte[] lastBlock = new byte[Block];
    private long position;

    /// <summary>A member skipped because the tar reader could not read it.</summary>
    public sealed record SkippedMember(string Name, char TypeFlag, long Size);

    /// <summary>
    /// True when the last block read was all zeros, the tar end-of-archive marker: a reader that returned "no
    /// more members" without it met the end of a cut archive.
    /// </summary>
    public bool EndedWithMarker => position >= Block && position % Block == 0 && !lastBlock.AsSpan().ContainsAnyExcept((byte)0);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Remember(buffer[..n]);
        position += n;
        return n;
    }

    /// <summary>
    /// When the tar reader has just rejected a header (the stream sits at a block boundary right after it),
    /// skips that member's data and returns what it was; returns null when the last block is no tar header.
    /// </summary>
    public SkippedMember? TrySkipRejectedMember()
    {
        if (position < Block || position % Block != 0 || !lastBlock.AsSpan(257, 5).SequenceEqual("ustar"u8) || !ChecksumMatches(lastBlock))
        {
            return null;
        }

        var header = lastBlock.ToArray();
        var typeFlag = (char)header[156];
        var stored = ParseNumber(header.AsSpan(124, 12));
        var name = Encoding.UTF8.GetString(header.AsSpan(0, 100)).TrimEnd('\0');
        var size = stored;
        if (typeFlag == 'S')
        {
            // GNU sparse: the real size is at 483, and sparse-map extension blocks follow while "isextended" is set
            size = ParseNumber(header.AsSpan(483, 12));
            var extended = header[482] != 0;
            var extension = new byte[Block];
            while (extended)
            {
                ReadExactly(extension);
                extended = extension[504] != 0;
            }
        }

        var toSkip = (stored + Block - 1) / Block * Block;
        var scratch = new byte[Math.Min(toSkip, 1 << 16)];
        while (toSkip > 0)
        {
            var n = Read(scratch.AsSpan(0, (int)Math.Min(scratch.Length, toSkip)));
            if (n == 0) throw new EndOfStreamException($"the archive ends inside member '{name}'");
            toSkip -= n;
        }

        return new SkippedMember(name, typeFlag, size);
    }

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= Block)
        {
            read[^Block..].CopyTo(lastBlock);
            return;
        }

        lastBlock.AsSpan(read.Length).CopyTo(lastBlock);
        read.CopyTo(lastBlock.AsSpan(Block - read.Length));
    }

    private static bool ChecksumMatches(byte[] header)
    {
        var sum = 0L;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }

        return ParseNumber(header.AsSpan(148, 8)) == sum;
    }

    /// <summary>A tar number field: octal digits padded with NULs or spaces, or GNU base-256 when the high bit is set.</summary>
    private static long ParseNumber(ReadOnlySpan<byte> field)
    {
        if (field.Length > 0 && (field[0] & 0x80) != 0)
        {
            var value = 0L;
            foreach (var b in field[1..]) value = (value << 8) | b;
            return value;
        }

        var result = 0L;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7') result = (result * 8) + (b - '0');
            else if (result > 0 || b is 0) break;
        }

        return result;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
