namespace Advisor.Bundles;

/// <summary>
/// How far a read has got, for a progress display polled from another thread. The reader only stores numbers
/// here (no callbacks), so watching a read costs it nothing measurable.
/// </summary>
public sealed class BundleReadProgress
{
    private HashingReadStream? input;
    private long entriesSeen;

    /// <summary>Size of the bundle file in bytes; 0 for a folder.</summary>
    public long InputLength { get; private set; }

    /// <summary>Bytes of the bundle file read so far (compressed bytes for a compressed archive).</summary>
    public long InputBytesRead => input?.BytesRead ?? 0;

    public long EntriesSeen => Interlocked.Read(ref entriesSeen);

    /// <summary>Set when the read is over, successfully or not.</summary>
    public bool Finished { get; private set; }

    internal void Start(HashingReadStream stream, long length)
    {
        input = stream;
        InputLength = length;
    }

    internal void EntrySeen() => Interlocked.Increment(ref entriesSeen);

    internal void Finish() => Finished = true;
}
