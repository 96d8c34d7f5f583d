namespace Advisor.Bundles;

/// <summary>Turns archive member names into clean bundle paths.</summary>
public static class BundlePaths
{
    /// <summary>Folders every sosreport has at least one of; a bundle without any is something else.</summary>
    public static readonly string[] SosreportMarkers = ["sos_commands", "sys", "proc"];

    /// <summary>How sos names the folder a report is in: <c>sosreport-host-2026-11-23-abcdef</c>.</summary>
    public const string ReportFolderPrefix = "sosreport-";

    /// <summary>Names sos puts at the root of a report; a first folder with another name is the report's top folder.</summary>
    private static readonly HashSet<string> KnownRootNames = new(StringComparer.Ordinal)
    {
        "sys", "proc", "etc", "sos_commands", "sos_reports", "sos_logs", "sos_strings", "var", "usr", "run", "lib",
        "boot", "dev", "opt", "root", "home", "tmp",
    };

    /// <summary>How archives are named that a folder of bundles would hold: <c>sosreport-host.tar.xz</c>, <c>x.tgz</c>.</summary>
    private static readonly string[] CompressedArchiveEndings =
        [".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.zst", ".tzst"];

    /// <summary>True for a name sos puts at the root of a report (<c>sys</c>, <c>sos_commands</c>, <c>etc</c>, …).</summary>
    public static bool IsReportRootName(string name) => KnownRootNames.Contains(name);

    /// <summary>True for a file name that ends like a compressed tar (<c>.tar.xz</c>, <c>.tgz</c>, …).</summary>
    public static bool IsCompressedArchiveName(string name) =>
        CompressedArchiveEndings.Any(ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the name of the archive's root itself (<c>./</c> from <c>tar -C folder -cf x.tar .</c>, <c>.</c>, <c>/</c>).</summary>
    public static bool IsRoot(ReadOnlySpan<char> name) =>
        !name.ContainsAnyExcept('.', '/') && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// Normalises a member name: strips <c>./</c> and leading slashes, folds <c>.</c> and <c>..</c>.
    /// Returns null for a name that climbs above the bundle root or is empty.
    /// </summary>
    public static string? Normalize(string name)
    {
        if (!TryNormalize(name, out var normalized)) return null;
        return normalized.SequenceEqual(name) ? name : normalized.ToString();
    }

    /// <summary>The slow path of normalising: the name split into parts, <c>.</c> and <c>..</c> folded.</summary>
    private static string? Fold(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>
    /// <see cref="Normalize(string)"/> for a name in a buffer: the common name, already clean, comes back as itself or
    /// a slice of it, with nothing allocated. False for a name that climbs above the bundle root or is empty.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<char> name, out ReadOnlySpan<char> normalized)
    {
        if (IsAlreadyNormal(name))
        {
            normalized = name;
            return true;
        }

        var trimmed = name.TrimEnd('/');
        if (trimmed.Length > 0 && IsAlreadyNormal(trimmed))
        {
            normalized = trimmed;
            return true;
        }

        var folded = Fold(name.ToString());
        normalized = folded;
        return folded is not null;
    }

    /// <summary>True for the common case, a name with nothing to fold: no backslash, no empty, <c>.</c> or <c>..</c> part.</summary>
    private static bool IsAlreadyNormal(ReadOnlySpan<char> span)
    {
        if (span.Length == 0 || span[0] == '/' || span[^1] == '/' || span.Contains('\\') || span.IndexOf("//", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        // a "." or ".." part starts the name or follows a slash; most names have neither
        if (span[0] != '.' && span.IndexOf("/.", StringComparison.Ordinal) < 0) return true;
        foreach (var part in span.Split('/'))
        {
            if (span[part] is "." or "..") return false;
        }

        return true;
    }

    /// <summary>
    /// The top folder to strip, judged from the first member: <c>sosreport-host-…/</c> yes, <c>sys/</c> no; a report
    /// tarred from where it lay (<c>tar -cJf x.tar.xz /var/tmp/sosreport-host-…</c>) keeps the folders above it,
    /// which go too: <c>var/tmp/sosreport-host-…/</c>. <paramref name="isFolder"/> tells whether the first member
    /// itself is a folder.
    /// </summary>
    public static string? TopFolderOf(string firstPath, bool isFolder)
    {
        var report = firstPath.IndexOf("/" + ReportFolderPrefix, StringComparison.Ordinal);
        var end = report > 0 ? firstPath.IndexOf('/', report + 1) : -1;
        if (end > 0) return firstPath[..end];

        // a report folder named by itself; a file named sosreport-… (sos collect's sosreport-node1.tar.xz) is no folder
        if (report > 0 && isFolder) return firstPath;

        var slash = firstPath.IndexOf('/');
        var first = slash < 0 ? firstPath : firstPath[..slash];
        return KnownRootNames.Contains(first) ? null : first;
    }

    /// <summary>The folder part of a bundle path: <c>proc/fs.tar</c> → <c>proc</c>, <c>uname</c> → empty.</summary>
    public static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>
    /// The target a symlink at <paramref name="linkPath"/> needs to name <paramref name="pathFromRoot"/>, relative to the
    /// link's folder as archives hold it: <c>../../sos_strings/logs/x</c> for a link at <c>var/log/kern.log</c>.
    /// </summary>
    public static string RelativeLinkTarget(string linkPath, string pathFromRoot) =>
        string.Concat(Enumerable.Repeat("../", linkPath.Count(c => c == '/'))) + pathFromRoot.TrimStart('/');

    /// <summary>The path below the top folder <paramref name="top"/>: <c>sosreport-x/sys/y</c> → <c>sys/y</c>, <c>sosreport-x</c> → empty.</summary>
    public static ReadOnlySpan<char> StripTop(ReadOnlySpan<char> path, string? top)
    {
        if (top is null) return path;
        if (path.Length == top.Length) return path.SequenceEqual(top) ? [] : path;
        return path.Length > top.Length && path[top.Length] == '/' && path.StartsWith(top, StringComparison.Ordinal) ? path[(top.Length + 1)..] : path;
    }
}
