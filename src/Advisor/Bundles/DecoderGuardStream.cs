namespace Advisor.Bundles;

/// <summary>
/// Wraps a third-party decompressor so that whatever it throws on corrupt input (index errors, library-specific
/// exceptions) becomes an <see cref="InvalidDataException"/> naming the decoder: the bundle reader then treats
/// the damage as truncation instead of crashing.
/// </summary>
internal sealed class DecoderGuardStream(Stream decoder, string decoderName) : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return decoder.Read(buffer);
        }
        catch (Exception e) when (e is not (InvalidDataException or EndOfStreamException or IOException or OutOfMemoryException))
        {
            throw new InvalidDataException($"{decoderName} data is corrupt ({e.Message})", e);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decoder.Dispose();
        base.Dispose(disposing);
    }
}
