namespace Advisor.Bundles;

/// <summary>
/// Tells a bundle from a folder of bundles. A folder that is itself an unpacked sosreport (it holds
/// <c>sos_commands/</c>, <c>sys/</c> or <c>proc/</c>) is one bundle; any other folder is a batch of the archives
/// (recognised by their first bytes) and unpacked sosreports directly inside it.
/// </summary>
public static class BundleDiscovery
{
    /// <summary>Why the machine's own <c>/</c> is refused: it has <c>sys/</c> and <c>proc/</c>, but reading the live file system as a bundle is never what was meant.</summary>
    public const string MachineRootIsNoBundle = "this machine's root folder is not a bundle; --live analyses this machine";

    public static bool IsMachineRoot(string path)
    {
        var full = Path.GetFullPath(path);
        return full == Path.GetPathRoot(full);
    }

    public static bool IsUnpackedSosreport(string folder) =>
        BundlePaths.SosreportMarkers.Any(marker => Directory.Exists(Path.Combine(folder, marker)));

    /// <summary>
    /// The bundles directly inside <paramref name="folder"/>, sorted by name, and the entries that are not bundles
    /// with the reason, so a caller can say what it left out (not the checksum files beside the archives, which
    /// are read with them).
    /// </summary>
    public static BundleFolder List(string folder)
    {
        var bundles = new List<string>();
        var skipped = new List<SkippedEntry>();
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (WhyNotABundle(path) is not { } reason)
            {
                bundles.Add(path);
            }
            else
            {
                skipped.Add(new SkippedEntry(path, reason));
            }
        }

        // the checksum file sos writes beside each archive is read with it, not skipped; an unpacked sos collect
        // archive's own folders (its log, its manifest, the checksums of cleaned nodes) are no bundles either
        var checksumFiles = bundles.SelectMany(ArchiveChecksum.FileNamesFor).ToHashSet(StringComparer.Ordinal);
        skipped.RemoveAll(entry => checksumFiles.Contains(entry.Path)
            || (bundles.Count > 0 && CollectorFolders.Contains(Path.GetFileName(entry.Path)) && Directory.Exists(entry.Path)));
        return new BundleFolder(bundles, skipped);
    }

    /// <summary>The folders <c>sos collect</c> writes beside the node archives.</summary>
    private static readonly HashSet<string> CollectorFolders = new(StringComparer.Ordinal) { "sos_logs", "sos_reports", "checksums" };

    /// <summary>Null for an unpacked sosreport or an archive; else why the entry is not a bundle.</summary>
    private static string? WhyNotABundle(string path)
    {
        if (!Directory.Exists(path)) return WhyNotAnArchive(path);
        return IsUnpackedSosreport(path) ? null : "a folder that is not an unpacked sosreport (no sos_commands/, sys/ or proc/)";
    }

    /// <summary>Null for a file whose first bytes are an archive format Advisor reads; else why it is not one.</summary>
    private static string? WhyNotAnArchive(string path)
    {
        // opening a FIFO would wait for a writer
        if (!UnixFiles.IsRegularFile(path)) return "not a regular file (a FIFO, socket or device)";
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> head = stackalloc byte[512];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n == 0) return "empty file";
            if (BundleFormatDetector.Detect(head[..n]) != BundleFormat.Unknown) return null;
            return OtherFileKinds.Describe(head[..n]) ?? "not tar, gzip, xz, bzip2 or zstd data";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
    }
}
