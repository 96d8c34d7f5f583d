using System.Diagnostics;
using System.Globalization;

namespace Advisor.Bundles;

/// <summary>
/// What one read of a bundle may still spend under the <see cref="BundleLimits"/>: uncompressed bytes, entries
/// and wall-clock time. Each count throws <see cref="BundleLimitExceededException"/> once a limit is passed.
/// </summary>
internal sealed class ReadBudget(BundleLimits limits)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long bytes;
    private long entries;

    public long UncompressedBytes => bytes;

    /// <summary>True once a count went past a limit (and threw).</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Entries read within the limit (the one that went past <see cref="BundleLimits.MaxEntries"/> not included).</summary>
    public long EntriesRead => Math.Min(entries, limits.MaxEntries);

    /// <summary>Counts bytes handed from the decompressor (or the plain file) to the tar reader.</summary>
    public void CountBytes(int count)
    {
        bytes += count;
        if (bytes > limits.MaxUncompressedBytes)
        {
            Exceeded = true;
            throw new BundleLimitExceededException(
                $"the bundle exceeds Limits:MaxUncompressedBytes = {limits.MaxUncompressedBytes.ToString(CultureInfo.InvariantCulture)} ({Size(limits.MaxUncompressedBytes)}) of uncompressed data");
        }

        CheckTime();
    }

    /// <summary>Counts one more entry of the bundle (or of a tar nested in it).</summary>
    public void CountEntry()
    {
        if (++entries > limits.MaxEntries)
        {
            Exceeded = true;
            throw new BundleLimitExceededException($"the bundle exceeds Limits:MaxEntries = {limits.MaxEntries.ToString(CultureInfo.InvariantCulture)}");
        }

        CheckTime();
    }

    private void CheckTime()
    {
        if (clock.Elapsed > limits.MaxReadTime)
        {
            Exceeded = true;
            throw new BundleLimitExceededException($"reading the bundle took longer than Limits:MaxReadTime = {limits.MaxReadTime.ToString("c", CultureInfo.InvariantCulture)}");
        }
    }

    private static string Size(long value) => value switch
    {
        >= 1L << 30 when value % (1L << 30) == 0 => $"{value >> 30} GiB",
        >= 1L << 20 when value % (1L << 20) == 0 => $"{value >> 20} MiB",
        >= 1L << 10 when value % (1L << 10) == 0 => $"{value >> 10} KiB",
        _ => $"{value} bytes",
    };
}
