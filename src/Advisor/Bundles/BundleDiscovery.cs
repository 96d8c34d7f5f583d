namespace Advisor.Bundles;

/// <summary>
/// Tells a bundle from a folder of bundles. A folder that is itself an unpacked sosreport (it holds
/// <c>sos_commands/</c>, <c>sys/</c> or <c>proc/</c>) is one bundle; any other folder is a batch of the archives
/// (recognised by their first bytes) and unpacked sosreports directly inside it.
/// </summary>
public static class BundleDiscovery
{
    private static readonly string[] SosreportMarkers = ["sos_commands", "sys", "proc"];

    public static bool IsUnpackedSosreport(string folder) =>
        SosreportMarkers.Any(marker => Directory.Exists(Path.Combine(folder, marker)));

    /// <summary>The bundles directly inside <paramref name="folder"/>, sorted by name.</summary>
    public static IReadOnlyList<string> BundlesIn(string folder)
    {
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(path))
            {
                if (IsUnpackedSosreport(path)) found.Add(path);
            }
            else if (LooksLikeArchive(path))
            {
                found.Add(path);
            }
        }

        return found;
    }

    private static bool LooksLikeArchive(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> head = stackalloc byte[512];
            var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return BundleFormatDetector.Detect(head[..n]) != BundleFormat.Unknown;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
