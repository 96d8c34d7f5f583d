using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace Advisor.Bundles;

/// <summary>
/// The compressed sosreports at the root of an archive that is not a sosreport itself, each read as a bundle of its
/// own: the one a customer sent inside another archive (<c>upload.tar</c> holding <c>sosreport-….tar.xz</c> and its
/// <c>.sha256</c>, or an older sos's <c>.md5</c>), or the nodes of a <c>sos collect</c> archive. Each is held back until
/// the next one has been read or the archive ends, so the checksum that follows it is checked before it is handed on (sos builds its
/// archive with Python's <c>tarfile.add</c> of its folder, which adds the folder's files in name order). A bundle
/// handed on while the archive is still being read is finished by the receiver on a thread of its own while the
/// reader goes on, one at a time and in order: the receiver is never called again before its last call returned.
/// </summary>
internal sealed class ArchivesInside(Action<BundleRead>? onEach)
{
    private readonly Dictionary<string, string> checksums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<HashAlgorithmName, string>> handedOnDigests = new(StringComparer.Ordinal);
    private (BundleRead Read, IReadOnlyDictionary<HashAlgorithmName, string>? Digests)? held;
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
    /// The text of a small <c>*.sha256</c> or <c>*.md5</c> file at the root: the checksum of the archive it is named
    /// after. Checked when that bundle is handed on; one that comes after its bundle was handed on is checked here, and
    /// a mismatch added to <paramref name="lateMismatches"/>.
    /// </summary>
    public void AddChecksum(string name, string text, List<string> lateMismatches)
    {
        checksums[name] = text;
        if (!ArchiveChecksum.TryParseInsideName(name, out var archive, out var algorithm) || !handedOnDigests.TryGetValue(archive, out var digests)) return;
        if (ArchiveChecksum.ParseInside(archive, algorithm, text, lateMismatches) is { } checksum && checksum.Mismatch(digests[algorithm]) is { } mismatch)
        {
            lateMismatches.Add($"'{BundleText.Printable(archive)}': {mismatch} (found after its analysis was made)");
        }
    }

    /// <summary>
    /// A bundle read from the archive <paramref name="name"/> at the root, with the digests of that archive's bytes
    /// (<see cref="ArchiveChecksum.InsideAlgorithms"/>; null when it could not be read to its end). The bundle held
    /// before it is handed on now.
    /// </summary>
    public void Add(string name, BundleContents contents, string bundleId, IReadOnlyDictionary<HashAlgorithmName, string>? digests, TimeSpan readTime)
    {
        ArchivesRead.Add(name);
        if (held is { } previous)
        {
            HandOn(previous.Read with { OneOfSeveral = true }, previous.Digests);
        }

        held = (new BundleRead(contents, bundleId, name, OneOfSeveral: ArchivesRead.Count > 1, readTime), digests);
    }

    /// <summary>The last bundle read, its checksum checked, once the archive has ended; null when there is none.</summary>
    public BundleRead? TakeLast()
    {
        if (held is not { } last) return null;
        held = null;
        Check(last.Read, last.Digests);
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

    private void HandOn(BundleRead read, IReadOnlyDictionary<HashAlgorithmName, string>? digests)
    {
        Check(read, digests);
        HandedOn++;
        if (digests is not null) handedOnDigests[read.Inside!] = digests;
        WaitForReceiver();
        // its facts, rules, store and report on another processor while this one reads the next node; a thread of
        // its own, as the thread pool's may all be busy reading the other bundles of a batch
        receiving = Task.Factory.StartNew(() => onEach!(read), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Checks the bundle against the first checksum sent for it (SHA-256, else MD5) that holds a digest.</summary>
    private void Check(BundleRead read, IReadOnlyDictionary<HashAlgorithmName, string>? digests)
    {
        if (digests is null) return;
        foreach (var algorithm in ArchiveChecksum.InsideAlgorithms)
        {
            if (!checksums.TryGetValue(ArchiveChecksum.FileNameFor(read.Inside!, algorithm), out var text)) continue;
            if (ArchiveChecksum.ParseInside(read.Inside!, algorithm, text, read.Contents.Warnings) is not { } checksum) continue;
            checksum.RecordOn(read.Contents, checksum.Mismatch(digests[algorithm]));
            return;
        }
    }

    /// <summary>What the receiver of a bundle threw while the archive was being read.</summary>
    internal sealed class ReceiverFailedException(Exception inner) : Exception(inner.Message, inner)
    {
        public void Rethrow() => ExceptionDispatchInfo.Throw(InnerException!);
    }
}
