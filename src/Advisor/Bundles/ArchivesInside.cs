using System.Runtime.ExceptionServices;

namespace Advisor.Bundles;

/// <summary>
/// The compressed sosreports at the root of an archive that is not a sosreport itself, each read as a bundle of its
/// own: the one a customer sent inside another archive (<c>upload.tar</c> holding <c>sosreport-….tar.xz</c> and its
/// <c>.sha256</c>), or the nodes of a <c>sos collect</c> archive. Each is held back until the next one has been read
/// or the archive ends, so the <c>.sha256</c> that follows it is checked before it is handed on (sos builds its
/// archive with Python's <c>tarfile.add</c> of its folder, which adds the folder's files in name order). A bundle
/// handed on while the archive is still being read is finished by the receiver on a thread of its own while the
/// reader goes on, one at a time and in order: the receiver is never called again before its last call returned.
/// </summary>
internal sealed class ArchivesInside(Action<BundleRead>? onEach)
{
    private readonly Dictionary<string, string> checksums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> handedOnSha256 = new(StringComparer.Ordinal);
    private (BundleRead Read, string? Sha256)? held;
    private Task? receiving;

    /// <summary>False for <see cref="BundleReader.Read"/>: only the first archive is read, the rest are counted.</summary>
    public bool ReadsAll => onEach is not null;

    /// <summary>The archives read as bundles so far.</summary>
    public List<string> ArchivesRead { get; } = [];

    /// <summary>Archives found after the first when not <see cref="ReadsAll"/>: listed, not read.</summary>
    public List<string> ArchivesNotRead { get; } = [];

    /// <summary>How many bundles were handed on while the archive was still being read.</summary>
    public int HandedOn { get; private set; }

    /// <summary>
    /// The text of a small <c>*.sha256</c> file at the root: the checksum of the archive it is named after. Checked
    /// when that bundle is handed on; one that comes after its bundle was handed on is checked here, and a mismatch
    /// added to <paramref name="lateMismatches"/>.
    /// </summary>
    public void AddChecksum(string name, string text, List<string> lateMismatches)
    {
        checksums[name] = text;
        var archive = name[..^".sha256".Length];
        if (!handedOnSha256.TryGetValue(archive, out var actual)) return;
        if (ArchiveChecksum.ParseSha256(archive, text, lateMismatches) is { } checksum && checksum.Mismatch(actual) is { } mismatch)
        {
            lateMismatches.Add($"'{BundleText.Printable(archive)}': {mismatch} (found after its analysis was made)");
        }
    }

    /// <summary>
    /// A bundle read from the archive <paramref name="name"/> at the root, with the SHA-256 of that archive's bytes
    /// (null when it could not be read to its end). The bundle held before it is handed on now.
    /// </summary>
    public void Add(string name, BundleContents contents, string bundleId, string? sha256, TimeSpan readTime)
    {
        ArchivesRead.Add(name);
        if (held is { } previous)
        {
            HandOn(previous.Read with { OneOfSeveral = true }, previous.Sha256);
        }

        held = (new BundleRead(contents, bundleId, name, OneOfSeveral: ArchivesRead.Count > 1, readTime), sha256);
    }

    /// <summary>The last bundle read, its checksum checked, once the archive has ended; null when there is none.</summary>
    public BundleRead? TakeLast()
    {
        if (held is not { } last) return null;
        held = null;
        Check(last.Read, last.Sha256);
        return last.Read;
    }

    /// <summary>
    /// Waits until the receiver has finished the bundle handed on last; throws <see cref="ReceiverFailedException"/>
    /// with what it threw: the receiver's failure, not damage of the archive being read, so it is carried past the
    /// reader's damage handling.
    /// </summary>
    public void WaitForReceiver()
    {
        if (receiving is not { } task) return;
        receiving = null;
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new ReceiverFailedException(e);
        }
    }

    /// <summary>When the read itself failed: lets the receiver finish first, so that nothing runs on after the failure is said.</summary>
    public void LetReceiverFinish()
    {
        try
        {
            WaitForReceiver();
        }
        catch (ReceiverFailedException)
        {
            // the read's own failure is the one reported
        }
    }

    private void HandOn(BundleRead read, string? sha256)
    {
        Check(read, sha256);
        HandedOn++;
        if (sha256 is not null) handedOnSha256[read.Inside!] = sha256;
        WaitForReceiver();
        // its facts, rules, store and report on another processor while this one reads the next node; a thread of
        // its own, as the thread pool's may all be busy reading the other bundles of a batch
        receiving = Task.Factory.StartNew(() => onEach!(read), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Check(BundleRead read, string? sha256)
    {
        if (sha256 is null || !checksums.TryGetValue(read.Inside + ".sha256", out var text)) return;
        if (ArchiveChecksum.ParseSha256(read.Inside!, text, read.Contents.Warnings) is not { } checksum) return;
        checksum.RecordOn(read.Contents, checksum.Mismatch(sha256));
    }

    /// <summary>What the receiver of a bundle threw while the archive was being read.</summary>
    internal sealed class ReceiverFailedException(Exception inner) : Exception(inner.Message, inner)
    {
        public void Rethrow() => ExceptionDispatchInfo.Throw(InnerException!);
    }
}
