using System.Buffers;
using System.Formats.Tar;
using System.Runtime.InteropServices;
using System.Text;

namespace Advisor.Bundles;

/// <summary>
/// Reads the members of a tar stream: their name, type, size, link target and data, and nothing else.
/// Understands what bundles hold: ustar (with its name prefix), GNU long names and link names (<c>L</c>, <c>K</c>),
/// PAX extended headers (<c>path</c>, <c>linkpath</c>, <c>size</c>, the <c>GNU.sparse.*</c> marks) and GNU sparse
/// members (<c>S</c>, skipped by their stored size). Global PAX headers are skipped.
/// <para>
/// Why not <see cref="TarReader"/>: it materialises every field of every header (owners, times, a dictionary per
/// PAX header, a data stream object per member); on a real sosreport (86k members) that cost 130 ms and 106 MB of
/// garbage, as much as decompressing it. This reader parses the five fields in place in its own buffer.
/// </para>
/// Damage surfaces as <see cref="InvalidDataException"/> (a header that is not one), <see cref="NotATarException"/>
/// (not even the first block is one, or there is none) or <see cref="EndOfStreamException"/> (the stream ends inside
/// a header or a member).
/// </summary>
internal sealed class TarMemberReader : IDisposable
{
    private const int Block = 512;
    private const int BufferSize = 1 << 16;

    /// <summary>The longest GNU long name or PAX header read: far beyond PATH_MAX, far below a memory problem.</summary>
    private const int MaxMetadataSize = 1 << 20;

    private readonly Stream input;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int start;
    private int end;
    private long remaining;
    private int padding;
    private long memberCount;
    private bool sawHeader;
    private byte[] metadata = [];
    private readonly MemberText name = new();
    private readonly MemberText linkName = new();

    public TarMemberReader(Stream input) => this.input = input;

    /// <summary>The current member's path as the archive names it (PAX and GNU long names applied); valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> NameSpan => name.Chars;

    /// <summary>The current member's link target; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlySpan<char> LinkNameSpan => linkName.Chars;

    /// <summary><see cref="NameSpan"/> as a string (made on first use).</summary>
    public string Name => name.Text;

    public TarEntryType Type { get; private set; }

    /// <summary>The size of the member's file (for a sparse member, its full size, not the bytes stored).</summary>
    public long Size { get; private set; }

    /// <summary><see cref="LinkNameSpan"/> as a string (made on first use).</summary>
    public string LinkName => linkName.Text;

    /// <summary>True for GNU sparse members, in the old (<c>S</c>) or the PAX form: their data is not the file's bytes.</summary>
    public bool IsSparse { get; private set; }

    /// <summary>True once the reader has met the all-zero block that ends a tar archive.</summary>
    public bool EndedWithMarker { get; private set; }

    /// <summary>Moves to the next member; false at the end of the archive (see <see cref="EndedWithMarker"/>).</summary>
    public bool MoveNext()
    {
        SkipData();
        name.Clear();
        linkName.Clear();
        var sawExtendedHeader = false;
        var paxSparse = false;
        long? paxSize = null;
        while (true)
        {
            if (!Fill(Block))
            {
                if (!sawHeader && !EndedWithMarker) throw new NotATarException(end > start ? $"it is {end - start} bytes, less than one tar header" : "it is empty");
                if (end > start) throw new EndOfStreamException("the archive ends inside a member header");
                if (sawExtendedHeader)
                {
                    throw new EndOfStreamException("the archive ends after an extended header, before its member");
                }

                return false;
            }

            var header = buffer.AsSpan(start, Block);
            if (!header.ContainsAnyExcept((byte)0))
            {
                start += Block;
                EndedWithMarker = true;
                return false;
            }

            if (!ChecksumMatches(header))
            {
                if (!sawHeader) throw new NotATarException("its first 512 bytes are not a tar header");
                throw new InvalidDataException($"member {memberCount + 1} has a damaged header (its checksum does not match)");
            }

            sawHeader = true;

            var type = (TarEntryType)header[156];
            var storedSize = ParseNumber(header.Slice(124, 12));
            if (storedSize < 0)
            {
                throw new InvalidDataException($"member {memberCount + 1} has a damaged header (an impossible size)");
            }

            var sparseSize = type == TarEntryType.SparseFile ? ParseNumber(header.Slice(483, 12)) : 0;
            var sparseExtended = type == TarEntryType.SparseFile && header[482] != 0;
            if (type is not (TarEntryType.LongPath or TarEntryType.LongLink or TarEntryType.ExtendedAttributes or TarEntryType.GlobalExtendedAttributes))
            {
                // the header's own fields count only where no extended header named them
                SetHeaderName(header);
                linkName.Set(UntilNul(header.Slice(157, 100)), MemberText.FromHeader);
            }

            start += Block;

            switch (type)
            {
                case TarEntryType.LongPath:
                    sawExtendedHeader = true;
                    name.Set(UntilNul(ReadMetadata(storedSize)), MemberText.FromGnuLongName);
                    continue;
                case TarEntryType.LongLink:
                    sawExtendedHeader = true;
                    linkName.Set(UntilNul(ReadMetadata(storedSize)), MemberText.FromGnuLongName);
                    continue;
                case TarEntryType.ExtendedAttributes:
                    sawExtendedHeader = true;
                    ReadPax(ReadMetadata(storedSize), ref paxSize, ref paxSparse);
                    continue;
                case TarEntryType.GlobalExtendedAttributes:
                    BeginData(storedSize);
                    SkipData();
                    continue;
            }

            while (sparseExtended)
            {
                // the old GNU sparse map continues in extension blocks while their "isextended" byte is set
                if (!Fill(Block)) throw new EndOfStreamException("the archive ends inside a sparse member's map");
                sparseExtended = buffer[start + 504] != 0;
                start += Block;
            }

            memberCount++;
            Type = type;
            IsSparse = type == TarEntryType.SparseFile || paxSparse;
            var size = type == TarEntryType.SparseFile ? sparseSize : storedSize;
            if (paxSize is { } parsed)
            {
                size = storedSize = parsed;
            }

            Size = size;
            BeginData(HasData(type) ? storedSize : 0);
            return true;
        }
    }

    /// <summary>Reads the current member's data; 0 at its end.</summary>
    public int ReadData(Span<byte> destination)
    {
        if (remaining == 0 || destination.Length == 0) return 0;
        var wanted = (int)Math.Min(destination.Length, remaining);
        int n;
        if (end > start)
        {
            n = Math.Min(wanted, end - start);
            buffer.AsSpan(start, n).CopyTo(destination);
            start += n;
        }
        else
        {
            n = input.Read(destination[..wanted]);
            if (n == 0) throw new EndOfStreamException($"the data ends {remaining} bytes before the end of the member");
        }

        remaining -= n;
        return n;
    }

    /// <summary>Skips what is left of the current member's data and its padding; returns the data bytes skipped.</summary>
    public long SkipData()
    {
        var skipped = remaining;
        var toSkip = remaining + padding;
        while (toSkip > 0)
        {
            if (end == start)
            {
                start = 0;
                end = input.Read(buffer, 0, buffer.Length);
                if (end == 0)
                {
                    throw new EndOfStreamException(toSkip > padding
                        ? $"the data ends {toSkip - padding} bytes before the end of the member"
                        : "the archive ends inside a member's padding");
                }
            }

            var n = (int)Math.Min(toSkip, end - start);
            start += n;
            toSkip -= n;
        }

        remaining = 0;
        padding = 0;
        return skipped;
    }

    /// <summary>The current member's data as a stream (for a <c>.tar</c> inside the bundle).</summary>
    public Stream OpenData() => new MemberData(this);

    public void Dispose()
    {
        if (buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>Members of these types carry data after their header; the others' size field means nothing (as in GNU tar and Python's tarfile).</summary>
    private static bool HasData(TarEntryType type) => type is not (TarEntryType.HardLink or TarEntryType.SymbolicLink
        or TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Directory or TarEntryType.Fifo);

    private void BeginData(long size)
    {
        remaining = size;
        padding = (int)((Block - (size % Block)) % Block);
    }

    /// <summary>Reads an extended header's data into a buffer reused for every one; valid until the next call.</summary>
    private Span<byte> ReadMetadata(long size)
    {
        if (size > MaxMetadataSize)
        {
            throw new InvalidDataException($"member {memberCount + 1} has an extended header of {size} bytes, more than any real name needs");
        }

        BeginData(size);
        if (metadata.Length < size) metadata = new byte[Math.Max(size, 4096)];
        var data = metadata.AsSpan(0, (int)size);
        var at = 0;
        while (at < data.Length)
        {
            var n = ReadData(data[at..]);
            if (n == 0) throw new EndOfStreamException("the archive ends inside an extended header");
            at += n;
        }

        SkipData();
        return data;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from <see cref="start"/>; false at the end of the stream.</summary>
    private bool Fill(int count)
    {
        if (end - start >= count) return true;
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        while (end < count)
        {
            var n = input.Read(buffer, end, buffer.Length - end);
            if (n == 0) return false;
            end += n;
        }

        return true;
    }

    /// <summary>A ustar name is its prefix field, a slash and its name field; GNU headers have no prefix field.</summary>
    private void SetHeaderName(ReadOnlySpan<byte> header)
    {
        var isPosixUstar = header.Slice(257, 6).SequenceEqual("ustar\0"u8);
        if (!isPosixUstar || header[345] == 0)
        {
            name.Set(UntilNul(header[..100]), MemberText.FromHeader);
            return;
        }

        var prefix = UntilNul(header.Slice(345, 155));
        var field = UntilNul(header[..100]);
        Span<byte> joined = stackalloc byte[256];
        prefix.CopyTo(joined);
        joined[prefix.Length] = (byte)'/';
        field.CopyTo(joined[(prefix.Length + 1)..]);
        name.Set(joined[..(prefix.Length + 1 + field.Length)], MemberText.FromHeader);
    }

    private static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> field)
    {
        var nul = field.IndexOf((byte)0);
        return nul < 0 ? field : field[..nul];
    }

    /// <summary>True for a 512-byte block that is a tar header by its checksum, whatever its format (v7 headers have no magic).</summary>
    public static bool IsHeader(ReadOnlySpan<byte> block) =>
        block.Length >= Block && block[..Block].ContainsAnyExcept((byte)0) && ChecksumMatches(block[..Block]);

    private static bool ChecksumMatches(ReadOnlySpan<byte> header)
    {
        var stored = ParseNumber(header.Slice(148, 8));
        var checksumField = header.Slice(148, 8);
        var unsigned = SumOfBytes(header) + (8 * ' ');
        foreach (var b in checksumField) unsigned -= b;
        if (stored == unsigned) return true;

        // old writers summed signed bytes; GNU tar accepts both
        var signed = 8 * ' ';
        for (var i = 0; i < Block; i++)
        {
            if (i is < 148 or >= 156) signed += (sbyte)header[i];
        }

        return stored == signed;
    }

    /// <summary>The sum of a 512-byte block's bytes, eight at a time: each 64-bit word adds its bytes into four 16-bit lanes.</summary>
    private static int SumOfBytes(ReadOnlySpan<byte> block)
    {
        const ulong EvenBytes = 0x00FF00FF00FF00FF;
        var lanes = 0UL;
        foreach (var word in MemoryMarshal.Cast<byte, ulong>(block))
        {
            // at most 64 words x 2 bytes x 255 = 32,640 per lane: no lane overflows into the next
            lanes += (word & EvenBytes) + ((word >> 8) & EvenBytes);
        }

        return (int)((lanes & 0xFFFF) + ((lanes >> 16) & 0xFFFF) + ((lanes >> 32) & 0xFFFF) + (lanes >> 48));
    }

    /// <summary>A numeric field: octal digits padded with spaces or NULs, or GNU base-256 when the high bit is set; -1 if neither.</summary>
    private static long ParseNumber(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            if (field.Length <= 8 || field[0] != 0x80 || field[1..^8].ContainsAnyExcept((byte)0)) return -1;
            var big = 0L;
            foreach (var b in field[^8..]) big = (big << 8) | b;
            return big < 0 ? -1 : big;
        }

        var value = 0L;
        var digits = 0;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                value = (value * 8) + (b - '0');
                digits++;
            }
            else if (b == (byte)' ' && digits == 0)
            {
                continue;
            }
            else if (b is 0 or (byte)' ')
            {
                break;
            }
            else
            {
                return -1;
            }
        }

        return value;
    }

    /// <summary>
    /// PAX records, <c>"%d %s=%s\n"</c> with the length counting the whole record: takes <c>path</c>,
    /// <c>linkpath</c>, <c>size</c> and the <c>GNU.sparse.*</c> marks, in place, and ignores the rest.
    /// </summary>
    private void ReadPax(ReadOnlySpan<byte> data, ref long? size, ref bool sparse)
    {
        var at = 0;
        while (at < data.Length && data[at] != 0)
        {
            var space = data[at..].IndexOf((byte)' ');
            if (space < 0 || !int.TryParse(data.Slice(at, space), out var length) || length <= space || at + length > data.Length
                || data[at + length - 1] != (byte)'\n')
            {
                throw new InvalidDataException($"member {memberCount + 1} has a damaged extended header");
            }

            var record = data.Slice(at + space + 1, length - space - 2);
            var equals = record.IndexOf((byte)'=');
            if (equals <= 0) throw new InvalidDataException($"member {memberCount + 1} has a damaged extended header");
            var key = record[..equals];
            var value = record[(equals + 1)..];
            if (key.SequenceEqual("path"u8))
            {
                name.Set(value, MemberText.FromPax);
            }
            else if (key.SequenceEqual("linkpath"u8))
            {
                linkName.Set(value, MemberText.FromPax);
            }
            else if (key.SequenceEqual("size"u8))
            {
                if (!long.TryParse(value, out var parsed) || parsed < 0)
                {
                    throw new InvalidDataException($"member {memberCount + 1} has a damaged extended header (size '{Encoding.UTF8.GetString(value)}')");
                }

                size = parsed;
            }
            else if (key.StartsWith("GNU.sparse."u8))
            {
                sparse = true;
            }

            at += length;
        }
    }

    /// <summary>
    /// A name field of the current member, decoded from UTF-8 (invalid bytes become U+FFFD) into a buffer reused for
    /// every member. Where several headers name it, PAX beats a GNU long name, which beats the header's own field.
    /// </summary>
    private sealed class MemberText
    {
        public const int FromHeader = 1;
        public const int FromGnuLongName = 2;
        public const int FromPax = 3;

        private char[] chars = new char[256];
        private int length;
        private int source;
        private string? text;

        public ReadOnlySpan<char> Chars => chars.AsSpan(0, length);

        public string Text => text ??= new string(Chars);

        public void Clear()
        {
            length = 0;
            source = 0;
            text = null;
        }

        public void Set(ReadOnlySpan<byte> utf8, int from)
        {
            if (from < source) return;
            source = from;
            text = null;
            var most = Encoding.UTF8.GetMaxCharCount(utf8.Length);
            if (chars.Length < most) chars = new char[most];
            length = Encoding.UTF8.GetChars(utf8, chars);
        }
    }

    /// <summary>A read-only stream over the current member's data.</summary>
    private sealed class MemberData(TarMemberReader reader) : ReadOnlyForwardStream
    {
        public override int Read(Span<byte> buffer) => reader.ReadData(buffer);
    }
}
