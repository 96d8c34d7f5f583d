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
    private readonly Dictionary<string, BundleEntry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CapturedFile> captured = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> children = new(StringComparer.Ordinal);
    private Dictionary<string, CommandStatus> commandStates = new(StringComparer.Ordinal);
    private List<CommandStatus> commands = [];

    public IReadOnlyCollection<BundleEntry> Entries => entries.Values;
    public IReadOnlyCollection<CapturedFile> CapturedFiles => captured.Values;
    public List<string> Warnings { get; } = [];

    /// <summary>Set when the archive ended early or was corrupt; the analysis covers what was read.</summary>
    public string? TruncationReason { get; set; }

    /// <summary>The decompressor that ran, e.g. <c>xz (liblzma.so.5, native)</c>.</summary>
    public string Decoder { get; set; } = "";

    public BundleFormat Format { get; set; }

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

    public void AddEntry(BundleEntry entry)
    {
        if (!entries.TryAdd(entry.Path, entry))
        {
            Warnings.Add($"duplicate entry '{BundleText.Printable(entry.Path)}': the later one is kept");
            entries[entry.Path] = entry;
            return;
        }

        RegisterChild(entry.Path);
    }

    /// <summary>
    /// Lists <paramref name="path"/> in its folder, and each missing ancestor folder in its own, so folders the
    /// archive never names as entries (tar writers may omit them) can still be listed and resolved.
    /// </summary>
    private void RegisterChild(string path)
    {
        var childLists = children.GetAlternateLookup<ReadOnlySpan<char>>();
        var entryPaths = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        while (path.Length > 0)
        {
            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? ReadOnlySpan<char>.Empty : path.AsSpan(0, slash);
            if (childLists.TryGetValue(parent, out var list))
            {
                list.Add(path);
                return;
            }

            var parentPath = parent.ToString();
            children[parentPath] = new HashSet<string>(StringComparer.Ordinal) { path };
            if (parent.IsEmpty || entryPaths.ContainsKey(parent))
            {
                return;
            }

            path = parentPath;
        }
    }

    public void AddCaptured(CapturedFile file) => captured[file.Path] = file;

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

    public bool HasEntry(string path) => entries.ContainsKey(path);

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
        if (resolved is null || !children.TryGetValue(resolved, out var list))
        {
            return [];
        }

        return list.Select(p => p[(p.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Resolves every symlink along <paramref name="path"/> to the entry it names. Returns null for a link
    /// that leaves the bundle, loops, or points at nothing.
    /// </summary>
    public string? Resolve(string path) => Resolve(path, out _);

    /// <summary>
    /// Adds a warning for every link that points outside the bundle or loops: such links are never followed.
    /// Links to members sos did not collect are common and stay silent.
    /// </summary>
    public void WarnAboutUnsafeLinks()
    {
        foreach (var entry in entries.Values.Where(e => e.Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink).OrderBy(e => e.Path, StringComparer.Ordinal).ToList())
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

    private string? Resolve(string path, out LinkFailure failure)
    {
        var pending = new Queue<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var resolved = new List<string>();
        var hops = 0;
        failure = LinkFailure.None;
        while (pending.Count > 0)
        {
            var part = pending.Dequeue();
            if (part == ".") continue;
            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    failure = LinkFailure.Outside;
                    return null;
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            resolved.Add(part);
            var current = string.Join('/', resolved);
            if (entries.TryGetValue(current, out var entry) && entry.Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink)
            {
                if (++hops > MaxLinkHops)
                {
                    failure = LinkFailure.Loop;
                    return null;
                }

                var target = entry.LinkTarget;
                if (string.IsNullOrEmpty(target))
                {
                    failure = LinkFailure.Missing;
                    return null;
                }

                if (target.StartsWith('/'))
                {
                    failure = LinkFailure.Outside;
                    return null;
                }

                resolved.RemoveAt(resolved.Count - 1);
                if (entry.Kind == BundleEntryKind.HardLink)
                {
                    // hard link targets are named from the archive root (top folder already stripped)
                    resolved.Clear();
                }

                var rest = pending.ToArray();
                pending = new Queue<string>(target.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            }
        }

        var result = string.Join('/', resolved);
        if (entries.ContainsKey(result) || captured.ContainsKey(result) || children.ContainsKey(result)) return result;
        failure = LinkFailure.Missing;
        return null;
    }
}
