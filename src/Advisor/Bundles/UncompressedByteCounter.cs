namespace Advisor.Bundles;

/// <summary>
/// Sits between the decompressor and the tar reader and counts every uncompressed byte against the
/// <see cref="ReadBudget"/>, so a decompression bomb is stopped at <see cref="BundleLimits.MaxUncompressedBytes"/>
/// however small the file on disk is. Disposing it disposes the decompressor.
/// </summary>
internal sealed class UncompressedByteCounter(Stream decompressed, ReadBudget budget) : ReadOnlyForwardStream
{
    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        budget.CountBytes(n);
        return n;
    }

    public override long Position { get => budget.UncompressedBytes; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
