namespace Advisor.Bundles;

/// <summary>
/// A pipe (<c>/dev/stdin</c>, <c>&lt;(ssh host cat bundle)</c>) cannot seek back after its first bytes were read to
/// tell the format: this hands those bytes out again, then the rest of the pipe. Disposing it disposes the pipe.
/// </summary>
internal sealed class HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> unread = head;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (unread.IsEmpty) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, unread.Length);
        unread.Span[..n].CopyTo(buffer);
        unread = unread[n..];
        return n;
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
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
