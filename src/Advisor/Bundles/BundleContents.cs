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

    public IReadOnlyCollection<BundleEntry> Entries => entries.Values;
    public IReadOnlyCollection<CapturedFile> CapturedFiles => captured.Values;
    public List<string> Warnings { get; } = [];

    /// <summary>Set when the archive ended early or was corrupt; the analysis covers what was read.</summary>
    public string? TruncationReason { get; set; }

    public string Decoder { get; set; } = "";
    public BundleFormat Format { get; set; }

    public void AddEntry(BundleEntry entry)
    {
        if (!entries.TryAdd(entry.Path, entry))
        {
            Warnings.Add($"duplicate entry '{entry.Path}': the later one is kept");
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
        while (path.Length > 0)
        {
            var parent = ParentOf(path);
            var known = children.TryGetValue(parent, out var list);
            if (!known)
            {
                children[parent] = list = new HashSet<string>(StringComparer.Ordinal);
            }

            list!.Add(path);
            if (known || entries.ContainsKey(parent) || parent.Length == 0)
            {
                return;
            }

            path = parent;
        }
    }

    public void AddCaptured(CapturedFile file) => captured[file.Path] = file;

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
    public string? Resolve(string path)
    {
        var pending = new Queue<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var resolved = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Dequeue();
            if (part == ".") continue;
            if (part == "..")
            {
                if (resolved.Count == 0) return null;
                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            resolved.Add(part);
            var current = string.Join('/', resolved);
            if (entries.TryGetValue(current, out var entry) && entry.Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink)
            {
                if (++hops > MaxLinkHops || string.IsNullOrEmpty(entry.LinkTarget)) return null;
                var target = entry.LinkTarget;
                if (target.StartsWith('/')) return null;
                resolved.RemoveAt(resolved.Count - 1);
                if (entry.Kind == BundleEntryKind.HardLink)
                {
                    // hard link targets are named from the archive root
                    resolved.Clear();
                }

                var rest = pending.ToArray();
                pending = new Queue<string>(target.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            }
        }

        var result = string.Join('/', resolved);
        return entries.ContainsKey(result) || captured.ContainsKey(result) || children.ContainsKey(result) ? result : null;
    }

    private static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
