namespace Advisor.Bundles;

/// <summary>
/// Wraps a third-party decompressor so that whatever it throws on corrupt input (index errors, library-specific
/// exceptions) becomes an <see cref="InvalidDataException"/> naming the decoder: the bundle reader then treats
/// the damage as truncation instead of crashing.
/// </summary>
internal sealed class DecoderGuardStream(Stream decoder, string decoderName) : ReadOnlyForwardStream
{
    /// <summary>
    /// Creates the decoder and guards it; a decoder that already reads (and rejects) its header while being
    /// created — SharpCompress's bzip2 does — fails the same way, as <see cref="InvalidDataException"/>.
    /// </summary>
    public static DecoderGuardStream Open(Func<Stream> create, string decoderName)
    {
        try
        {
            return new DecoderGuardStream(create(), decoderName);
        }
        catch (Exception e) when (e is not (InvalidDataException or EndOfStreamException or IOException or OutOfMemoryException))
        {
            throw new InvalidDataException($"{decoderName} data is corrupt ({e.Message})", e);
        }
    }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing) decoder.Dispose();
        base.Dispose(disposing);
    }
}
