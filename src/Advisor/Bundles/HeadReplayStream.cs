namespace Advisor.Bundles;

/// <summary>
/// A pipe (<c>/dev/stdin</c>, <c>&lt;(ssh host cat bundle)</c>) cannot seek back after its first bytes were read to
/// tell the format: this hands those bytes out again, then the rest of the pipe. Disposing it disposes the pipe.
/// Its position is the count of bytes handed out (SharpCompress's xz decoder asks for it).
/// </summary>
internal sealed class HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> unread = head;
    private long handedOut;

    public override long Position { get => handedOut; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (unread.IsEmpty)
        {
            n = rest.Read(buffer);
        }
        else
        {
            n = Math.Min(buffer.Length, unread.Length);
            unread.Span[..n].CopyTo(buffer);
            unread = unread[n..];
        }

        handedOut += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
