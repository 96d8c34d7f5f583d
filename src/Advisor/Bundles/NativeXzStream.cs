using System.Runtime.InteropServices;

using static Advisor.Bundles.LibLzma;

namespace Advisor.Bundles;

/// <summary>
/// A read-only stream that decompresses xz through the system's liblzma (<c>liblzma.so.5</c>), about 1.5x faster
/// than the managed decoder. Concatenated xz streams are read as one. Corrupt or cut input surfaces as
/// <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/>, which the bundle reader treats as
/// truncation. <see cref="TryOpen"/> returns null when the library cannot be loaded, so callers can fall back.
/// </summary>
public sealed unsafe class NativeXzStream : ReadOnlyForwardStream
{
    private const uint LzmaConcatenated = 0x08;
    private const int InputBufferSize = 1 << 16;

    private readonly Stream inner;
    private readonly bool leaveOpen;
    private readonly byte* input;
    private LzmaStream* lzma;
    private bool inputEnded;
    private bool finished;
    private Exception? failure;

    private NativeXzStream(Stream inner, bool leaveOpen, LzmaStream* lzma)
    {
        this.inner = inner;
        this.leaveOpen = leaveOpen;
        this.lzma = lzma;
        input = (byte*)NativeMemory.Alloc(InputBufferSize);
    }

    /// <summary>Opens a decoder over <paramref name="inner"/>, or returns null when liblzma is not available.</summary>
    public static NativeXzStream? TryOpen(Stream inner, bool leaveOpen = false)
    {
        var lzma = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        LzmaReturn ret;
        try
        {
            ret = lzma_stream_decoder(lzma, ulong.MaxValue, LzmaConcatenated);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            NativeMemory.Free(lzma);
            return null;
        }

        if (ret != LzmaReturn.Ok)
        {
            lzma_end(lzma);
            NativeMemory.Free(lzma);
            throw new InvalidOperationException($"liblzma could not start a decoder ({ret})");
        }

        return new NativeXzStream(inner, leaveOpen, lzma);
    }

    /// <summary>Compressed bytes the decoder has consumed so far.</summary>
    public long CompressedBytesRead => lzma is null ? 0 : (long)lzma->TotalIn;

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(lzma is null, this);
        if (failure is not null) throw failure;
        if (finished || buffer.IsEmpty) return 0;

        fixed (byte* output = buffer)
        {
            lzma->NextOut = output;
            lzma->AvailOut = (nuint)buffer.Length;
            while (true)
            {
                if (lzma->AvailIn == 0 && !inputEnded)
                {
                    var n = inner.Read(new Span<byte>(input, InputBufferSize));
                    if (n == 0) inputEnded = true;
                    lzma->NextIn = input;
                    lzma->AvailIn = (nuint)n;
                }

                var ret = lzma_code(lzma, inputEnded ? LzmaAction.Finish : LzmaAction.Run);
                var produced = buffer.Length - (int)lzma->AvailOut;
                if (ret == LzmaReturn.StreamEnd)
                {
                    finished = true;
                    return produced;
                }

                if (ret != LzmaReturn.Ok)
                {
                    // what liblzma decoded in this call before it found the damage is handed on first, as xz -dc
                    // writes it: the failure comes with the next read
                    failure = Failure(ret);
                    if (produced > 0) return produced;
                    throw failure;
                }

                if (produced > 0) return produced;
            }
        }
    }

    private Exception Failure(LzmaReturn ret) => ret switch
    {
        LzmaReturn.BufError => new EndOfStreamException($"xz data ends early after {CompressedBytesRead} compressed bytes (LZMA_BUF_ERROR)"),
        LzmaReturn.DataError => new InvalidDataException($"xz data is corrupt near compressed byte {CompressedBytesRead} (LZMA_DATA_ERROR)"),
        LzmaReturn.FormatError => new InvalidDataException("not xz data (LZMA_FORMAT_ERROR)"),
        LzmaReturn.OptionsError => new InvalidDataException("xz data uses unsupported options (LZMA_OPTIONS_ERROR)"),
        LzmaReturn.MemError => new InvalidDataException("liblzma ran out of memory (LZMA_MEM_ERROR)"),
        _ => new InvalidDataException($"liblzma failed ({ret})"),
    };

    protected override void Dispose(bool disposing)
    {
        if (lzma is not null)
        {
            lzma_end(lzma);
            NativeMemory.Free(lzma);
            NativeMemory.Free(input);
            lzma = null;
            if (disposing && !leaveOpen) inner.Dispose();
        }

        base.Dispose(disposing);
    }

    ~NativeXzStream() => Dispose(false);
}
