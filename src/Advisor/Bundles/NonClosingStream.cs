namespace Advisor.Bundles;

/// <summary>Wraps a stream so that disposing the wrapper leaves the inner stream open.</summary>
internal sealed class NonClosingStream(Stream inner) : ReadOnlyForwardStream
{
    public override int Read(Span<byte> buffer) => inner.Read(buffer);
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
}
