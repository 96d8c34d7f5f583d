using System.Runtime.InteropServices;

using static Advisor.Bundles.LibLzma;

namespace Advisor.Bundles;

/// <summary>
/// A write-only stream that compresses to xz through the system's liblzma (<c>liblzma.so.5</c>,
/// <c>lzma_easy_encoder</c>, CRC64 check, preset 6 by default, as <c>xz</c> itself). Disposing finishes the xz
/// stream. <see cref="TryOpen"/> returns null when the library cannot be loaded.
/// </summary>
public sealed unsafe class NativeXzWriteStream : Stream
{
    private const int LzmaCheckCrc64 = 4;
    private const int OutputBufferSize = 1 << 16;

    private readonly Stream inner;
    private readonly bool leaveOpen;
    private readonly byte* output;
    private LzmaStream* lzma;

    private NativeXzWriteStream(Stream inner, bool leaveOpen, LzmaStream* lzma)
    {
        this.inner = inner;
        this.leaveOpen = leaveOpen;
        this.lzma = lzma;
        output = (byte*)NativeMemory.Alloc(OutputBufferSize);
    }

    /// <summary>Opens an encoder writing to <paramref name="inner"/>, or returns null when liblzma is not available.</summary>
    public static NativeXzWriteStream? TryOpen(Stream inner, uint preset = 6, bool leaveOpen = false)
    {
        var lzma = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        LzmaReturn ret;
        try
        {
            ret = lzma_easy_encoder(lzma, preset, LzmaCheckCrc64);
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
            throw new InvalidOperationException($"liblzma could not start an encoder ({ret})");
        }

        return new NativeXzWriteStream(inner, leaveOpen, lzma);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(lzma is null, this);
        fixed (byte* data = buffer)
        {
            lzma->NextIn = data;
            lzma->AvailIn = (nuint)buffer.Length;
            while (lzma->AvailIn > 0)
            {
                Code(LzmaAction.Run);
            }
        }
    }

    /// <summary>Runs the encoder once and writes what it produced; returns true at the end of the stream.</summary>
    private bool Code(LzmaAction action)
    {
        lzma->NextOut = output;
        lzma->AvailOut = OutputBufferSize;
        var ret = lzma_code(lzma, action);
        var produced = OutputBufferSize - (int)lzma->AvailOut;
        if (produced > 0) inner.Write(new ReadOnlySpan<byte>(output, produced));
        if (ret == LzmaReturn.StreamEnd) return true;
        if (ret != LzmaReturn.Ok) throw new IOException($"liblzma failed while compressing ({ret})");
        return false;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => lzma is not null;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Does not flush the encoder (that would end an xz block early); the data is complete once disposed.</summary>
    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (lzma is not null)
        {
            try
            {
                if (disposing)
                {
                    lzma->NextIn = null;
                    lzma->AvailIn = 0;
                    while (!Code(LzmaAction.Finish))
                    {
                    }

                    inner.Flush();
                }
            }
            finally
            {
                lzma_end(lzma);
                NativeMemory.Free(lzma);
                NativeMemory.Free(output);
                lzma = null;
                if (disposing && !leaveOpen) inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    ~NativeXzWriteStream() => Dispose(false);
}
