namespace Advisor.Bundles;

/// <summary>
/// The shape of every stream a bundle passes through on its way to the tar reader (decoders, counters, the
/// hash): read front to back, never written, never sought. A subclass implements <see cref="Read(Span{byte})"/>.
/// </summary>
public abstract class ReadOnlyForwardStream : Stream
{
    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
