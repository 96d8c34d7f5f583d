using System.Security.Cryptography;

namespace Advisor.Bundles;

/// <summary>
/// Passes reads through and hashes every byte with SHA-256, so a bundle's id costs no second pass; when asked,
/// with a second digest too (the one of a checksum file beside the archive).
/// </summary>
public sealed class HashingReadStream(Stream inner, HashAlgorithmName? alsoHash = null) : ReadOnlyForwardStream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash? secondHash = alsoHash is { } algorithm && algorithm != HashAlgorithmName.SHA256 ? IncrementalHash.CreateHash(algorithm) : null;

    public long BytesRead { get; private set; }

    /// <summary>The SHA-256 of the bytes read so far; reading on continues the same hash.</summary>
    public string HashHex() => Convert.ToHexStringLower(hash.GetCurrentHash());

    /// <summary>The digest asked for in the constructor, of the bytes read so far (SHA-256 when that was asked).</summary>
    public string SecondHashHex() => secondHash is null ? HashHex() : Convert.ToHexStringLower(secondHash.GetCurrentHash());

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        hash.AppendData(buffer[..n]);
        secondHash?.AppendData(buffer[..n]);
        BytesRead += n;
        return n;
    }

    /// <summary>Reads whatever the decompressor left unread, so the hash covers the whole file.</summary>
    public void Drain()
    {
        var buffer = new byte[81920];
        while (Read(buffer) > 0)
        {
        }
    }

    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            secondHash?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
