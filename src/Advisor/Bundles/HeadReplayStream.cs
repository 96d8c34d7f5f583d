namespace Advisor.Bundles;

/// <summary>
/// A pipe (<c>/dev/stdin</c>, <c>&lt;(ssh host cat bundle)</c>) cannot seek back after its first bytes were read to
/// tell the format: this hands those bytes out again, then the rest of the pipe. Disposing it disposes the pipe.
/// </summary>
internal sealed class HeadReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ReadOnlyForwardStream
{
    private ReadOnlyMemory<byte> unread = head;

    public override int Read(Span<byte> buffer)
    {
        if (unread.IsEmpty) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, unread.Length);
        unread.Span[..n].CopyTo(buffer);
        unread = unread[n..];
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
