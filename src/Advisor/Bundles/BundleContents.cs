using System.Security.Cryptography;
using System.Text;
namespace Advisor.Bundles;

/// <summary>
/// What one pass over a bundle kept: every entry's name and size, the captured files, and what went wrong.
/// Paths are looked up through the bundle's own symlinks (<c>sys/block/vda</c> → <c>sys/devices/…/vda</c>),
/// never leaving the bundle and never looping.
/// </summary>
public sealed class BundleContents
{
    private const int MaxLinkHops = 40;
    private readonly EntryTable entries = new();
    private readonly Dictionary<string, CapturedFile> captured = new(StringComparer.Ordinal);
    private Dictionary<string, CommandStatus> commandStates = new(StringComparer.Ordinal);
    private List<CommandStatus> commands = [];

    /// <summary>Every entry the bundle listed, materialised on each call: for tests and small bundles; a read uses <see cref="EntryCount"/> and <see cref="VisitEntries"/>.</summary>
    public IReadOnlyList<BundleEntry> Entries => [.. entries.Entries()];

    /// <summary>How many entries the bundle listed.</summary>
    public int EntryCount => entries.Count;

    /// <summary>How many listed entries are of <paramref name="kind"/>.</summary>
    public int CountOf(BundleEntryKind kind) => entries.CountOf(kind);

    /// <summary>Visits every listed entry in <see cref="Entries"/> order without materialising it (what the database keeps of the listing).</summary>
    public void VisitEntries(EntryVisitor visit) => entries.ForEach(visit);
    public IReadOnlyCollection<CapturedFile> CapturedFiles => captured.Values;
    public List<string> Warnings { get; } = [];

    /// <summary>Set when the archive ended early or was corrupt; the analysis covers what was read.</summary>
    public string? TruncationReason { get; set; }

    /// <summary>The decompressor that ran, e.g. <c>xz (liblzma.so.5, native)</c>.</summary>
    public string Decoder { get; set; } = "";

    public BundleFormat Format { get; set; }

    /// <summary>The compressed archive at the root of the file that was this bundle (a sosreport sent inside another archive, a node of a <c>sos collect</c> archive); null for a bundle read directly.</summary>
    public string? WrappedArchive { get; set; }

    /// <summary>Members at the root named like archives that were looked into and hold no compressed tar: not bundles of their own.</summary>
    internal HashSet<string> NotBundles { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the archive is not the one its checksum file names (it changed after sos wrote it): the warning's text.</summary>
    public string? ChecksumMismatch { get; set; }

    /// <summary>Set when the archive matched the checksum file sos wrote beside it, e.g. <c>SHA-256 matches 'x.tar.xz.sha256'</c>.</summary>
    public string? ChecksumCheck { get; set; }

    /// <summary>True when the bundle held a readable <c>sos_reports/manifest.json</c>.</summary>
    public bool HasManifest { get; private set; }

    /// <summary>Command results from the sos manifest, by the bundle path of the command's output.</summary>
    public IReadOnlyDictionary<string, CommandStatus> CommandStates => commandStates;

    /// <summary>
    /// How the command whose output is at <paramref name="path"/> ended (Ok, Failed with its exit code, Truncated),
    /// following symlinks; null when the bundle has no manifest or the manifest does not name the path — the
    /// difference between "the command failed" and "it was not collected".
    /// </summary>
    public CommandStatus? CommandStateOf(string path)
    {
        if (commandStates.Count == 0) return null;
        if (commandStates.TryGetValue(path, out var status)) return status;
        return Resolve(path) is { } resolved && commandStates.TryGetValue(resolved, out status) ? status : null;
    }

    /// <summary>
    /// The state of the last run of a command line as sos ran it (the manifest's <c>exec</c>, e.g. <c>lsblk</c>),
    /// including commands that left no output file because they could not run (exit code 126 or 127).
    /// </summary>
    public CommandStatus? CommandStateOfCommand(string commandLine) =>
        commands.LastOrDefault(c => string.Equals(c.Command, commandLine, StringComparison.Ordinal));

    internal void SetCommandStates(Dictionary<string, CommandStatus> byPath, List<CommandStatus> all)
    {
        commandStates = byPath;
        commands = all;
        HasManifest = true;
    }

    public void AddEntry(BundleEntry entry) => AddEntry(entry.Path, entry.Kind, entry.Size, entry.LinkTarget, entry.LinkTarget is not null);

    /// <summary>Adds an entry without materialising it; a second entry at the same path replaces the first, with a warning.</summary>
    internal void AddEntry(ReadOnlySpan<char> path, BundleEntryKind kind, long size, ReadOnlySpan<char> linkTarget, bool hasLinkTarget)
    {
        if (!entries.Add(path, kind, size, linkTarget, hasLinkTarget))
        {
            Warnings.Add($"duplicate entry '{BundleText.Printable(path.ToString())}': the later one is kept");
        }
    }

    public void AddCaptured(CapturedFile file)
    {
        captured[file.Path] = file;
        entries.Imply(file.Path);
    }

    /// <summary>
    /// A SHA-256 over every entry (path, kind, size, link) and every captured file's text: the id of a bundle that
    /// is not one archive file — an unpacked folder or a live read of a host.
    /// </summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in Entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry.Path}\0{entry.Kind}\0{entry.Size}\0{entry.LinkTarget}\n"));
        }

        foreach (var file in CapturedFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\0{file.Text}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool HasEntry(string path) => entries.IsListed(path);

    /// <summary>The captured file at <paramref name="path"/>, following symlinks inside the bundle.</summary>
    public CapturedFile? Find(string path)
    {
        var resolved = Resolve(path);
        return resolved is not null && captured.TryGetValue(resolved, out var file) ? file with { Path = path } : null;
    }

    /// <summary>Names (not paths) of the members of a folder, following symlinks to the folder.</summary>
    public IReadOnlyList<string> ListFolder(string folder)
    {
        var resolved = Resolve(folder);
        if (resolved is null) return [];
        var names = entries.ChildNames(resolved);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Resolves every symlink along <paramref name="path"/> to the entry it names. Returns null for a link
    /// that leaves the bundle, loops, or points at nothing.
    /// </summary>
    public string? Resolve(string path) => Resolve(path, out _);

    /// <summary>
    /// Checks that the bundle is one sosreport. Returns why it is not a bundle when, instead of a report, its root
    /// holds other bundles (report folders or archives: several reports tarred together), so they are not taken
    /// for one empty analysis. Otherwise returns null and adds a warning for each bundle beside the report (it is
    /// not analysed), or, when nothing of a sosreport was read (an archive of something else, or one cut before
    /// its first report folder), one warning, so an empty analysis is not taken for a clean one.
    /// </summary>
    public string? CheckIsOneSosreport()
    {
        var isSosreport = BundlePaths.SosreportMarkers.Any(marker => entries.Exists(marker));
        if (!isSosreport)
        {
            var inside = BundlesAtRoot(BundlePaths.SosreportMarkers);
            if (inside.Count > 0)
            {
                return SeveralBundles(inside);
            }

            Warnings.Add("no sos_commands/, sys/ or proc/ in what was read: this does not look like a sosreport, and no check that needs them could run");
            return null;
        }

        // beside a report, only what is surely another one: a folder with sos_commands/ (a host folder sos copied,
        // such as a container's root, may hold sys/ or proc/), a sosreport-… folder, or an archive
        foreach (var other in BundlesAtRoot(["sos_commands"], alsoFoldersNamed: BundlePaths.ReportFolderPrefix))
        {
            Warnings.Add($"'{BundleText.Printable(other)}' beside the report is a bundle of its own and was not analysed: unpack the archive and ingest it on its own");
        }

        return null;
    }

    private static string SeveralBundles(List<string> inside)
    {
        var names = string.Join(", ", inside.Take(5).Select(BundleText.Printable)) + (inside.Count > 5 ? ", …" : "");
        return $"holds {inside.Count} bundle{(inside.Count == 1 ? "" : "s")} ({names}) instead of being one sosreport: "
            + "unpack it and run 'advisor ingest <folder>', which reads every bundle in the folder";
    }

    /// <summary>
    /// The members at the root that are bundles of their own, sorted by name: folders holding one of
    /// <paramref name="markers"/> or named with <paramref name="alsoFoldersNamed"/> (listed with a trailing
    /// <c>/</c>), and compressed archives.
    /// </summary>
    private List<string> BundlesAtRoot(string[] markers, string? alsoFoldersNamed = null)
    {
        var found = new List<string>();
        foreach (var name in ListFolder(""))
        {
            if (BundlePaths.IsReportRootName(name)) continue;
            var children = entries.ChildNames(name);
            if (markers.Any(marker => entries.Exists($"{name}/{marker}"))
                || (alsoFoldersNamed is not null && children.Count > 0 && name.StartsWith(alsoFoldersNamed, StringComparison.Ordinal)))
            {
                found.Add(name + "/");
            }
            else if (children.Count == 0 && BundlePaths.IsCompressedArchiveName(name) && !NotBundles.Contains(name))
            {
                found.Add(name);
            }
        }

        return found;
    }

    /// <summary>
    /// Adds a warning for every link that points outside the bundle or loops: such links are never followed.
    /// Links to members sos did not collect are common and stay silent.
    /// </summary>
    public void WarnAboutUnsafeLinks()
    {
        foreach (var entry in entries.Links().OrderBy(e => e.Path, StringComparer.Ordinal).ToList())
        {
            Resolve(entry.Path, out var failure);
            if (failure is LinkFailure.Outside)
            {
                Warnings.Add($"link '{BundleText.Printable(entry.Path)}' -> '{BundleText.Printable(entry.LinkTarget ?? "")}' points outside the bundle: not followed");
            }
            else if (failure is LinkFailure.Loop)
            {
                Warnings.Add($"link '{BundleText.Printable(entry.Path)}' -> '{BundleText.Printable(entry.LinkTarget ?? "")}' loops: not followed");
            }
        }
    }

    private enum LinkFailure
    {
        None,
        Outside,
        Loop,
        Missing,
    }

    /// <remarks>
    /// Walks the path one part at a time in a character buffer, so following the links of a deep sysfs path costs
    /// lookups, not a string per prefix.
    /// </remarks>
    private string? Resolve(string path, out LinkFailure failure)
    {
        var pending = new Stack<string>();
        PushParts(pending, path);
        var resolved = new char[Math.Max(64, path.Length * 2)];
        var length = 0;
        var partStarts = new Stack<int>();
        var hops = 0;
        failure = LinkFailure.None;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                if (partStarts.Count == 0)
                {
                    failure = LinkFailure.Outside;
                    return null;
                }

                length = Math.Max(0, partStarts.Pop() - 1);
                continue;
            }

            var start = length == 0 ? 0 : length + 1;
            if (start + part.Length > resolved.Length) Array.Resize(ref resolved, Math.Max(resolved.Length * 2, start + part.Length));
            if (length > 0) resolved[length] = '/';
            part.CopyTo(resolved.AsSpan(start));
            partStarts.Push(start);
            length = start + part.Length;
            if (!entries.TryGetLink(resolved.AsSpan(0, length), out var kind, out var targetSpan)) continue;

            if (++hops > MaxLinkHops)
            {
                failure = LinkFailure.Loop;
                return null;
            }

            if (targetSpan.IsEmpty)
            {
                failure = LinkFailure.Missing;
                return null;
            }

            if (targetSpan[0] == '/')
            {
                failure = LinkFailure.Outside;
                return null;
            }

            length = Math.Max(0, partStarts.Pop() - 1);
            if (kind == BundleEntryKind.HardLink)
            {
                // hard link targets are named from the archive root (top folder already stripped)
                length = 0;
                partStarts.Clear();
            }

            PushParts(pending, targetSpan.ToString());
        }

        var result = new string(resolved, 0, length);
        if (entries.Exists(result) || captured.ContainsKey(result)) return result;
        failure = LinkFailure.Missing;
        return null;
    }

    /// <summary>Puts the parts of <paramref name="path"/> on the stack so that the first part is popped first.</summary>
    private static void PushParts(Stack<string> pending, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
