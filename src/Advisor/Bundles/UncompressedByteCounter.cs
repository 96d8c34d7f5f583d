namespace Advisor.Bundles;

/// <summary>
/// Sits between the decompressor and the tar reader and counts every uncompressed byte against the
/// <see cref="ReadBudget"/>, so a decompression bomb is stopped at <see cref="BundleLimits.MaxUncompressedBytes"/>
/// however small the file on disk is. Disposing it disposes the decompressor.
/// </summary>
internal sealed class UncompressedByteCounter(Stream decompressed, ReadBudget budget) : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        budget.CountBytes(n);
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => budget.UncompressedBytes; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
