using System.Runtime.InteropServices;

namespace Advisor.Bundles;

/// <summary>
/// Every entry of a bundle, kept compactly as a tree: one row per path part (an entry, or a folder a path implies
/// but the archive never listed), each holding its name, its folder's row and the chain of its own members, with
/// the names in one character arena and a hash index from (folder row, name) to row.
/// <para>
/// Why not a dictionary of path strings and records: a sosreport has up to a quarter of a million entries, nearly
/// all of which no parser reads, with long paths that share their folders (sysfs, cgroup trees). As a string, a
/// record and a slot in a per-folder set each, hotsos' 86,645 entries cost 119 MB of allocation and a third of the
/// read; as rows they cost a few growing arrays, and each folder's name is kept once.
/// </para>
/// Archives list a folder's members one after another, so <see cref="Add"/> starts from the rows of the previous
/// path's folders: most paths cost one lookup, not one per part. Not thread-safe: one reader fills it, then the
/// facts builders only read it.
/// </summary>
internal sealed class EntryTable
{
    private const int Root = -1;
    private const int None = -2;

    private char[] text = new char[1 << 14];
    private int textLength;
    private Row[] rows = new Row[1 << 10];
    private int rowCount;
    private int rootFirstChild = None;
    private readonly List<int> linkRows = [];
    private readonly Dictionary<PartKey, int> index;
    private readonly Dictionary<PartKey, int>.AlternateLookup<PartSpan> byPart;

    // the previous path added, and the row of each of its parts, where the next path's search starts
    private char[] previous = new char[256];
    private int previousLength;
    private readonly List<int> previousRows = [];

    public EntryTable()
    {
        index = new Dictionary<PartKey, int>(1 << 10, new PartComparer(this));
        byPart = index.GetAlternateLookup<PartSpan>();
    }

    /// <summary>Entries the bundle listed (folders only implied by a path not counted).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds an entry, or replaces the one listed at the same path (then returns false: a duplicate). A folder the
    /// path implies is added as an unlisted row, so it can be listed and resolved though the archive never named it.
    /// <paramref name="path"/> is a normalised bundle path: not empty, no empty, <c>.</c> or <c>..</c> part.
    /// </summary>
    public bool Add(ReadOnlySpan<char> path, BundleEntryKind kind, long size, ReadOnlySpan<char> linkTarget, bool hasLinkTarget)
    {
        var at = Insert(path);
        ref var row = ref rows[at];
        var duplicate = row.Listed;
        if (!duplicate)
        {
            row.Listed = true;
            Count++;
        }

        var wasLink = duplicate && row.Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink;
        row.Kind = kind;
        row.Size = size;
        row.LinkLength = None;
        if (hasLinkTarget)
        {
            var start = Append(linkTarget);
            rows[at].LinkStart = start;
            rows[at].LinkLength = linkTarget.Length;
        }

        if (kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink && !wasLink) linkRows.Add(at);
        return !duplicate;
    }

    /// <summary>Makes sure <paramref name="path"/> and its folders have rows, without listing it as an entry.</summary>
    public void Imply(ReadOnlySpan<char> path)
    {
        if (!path.IsEmpty) Insert(path);
    }

    /// <summary>True when the archive listed <paramref name="path"/>.</summary>
    public bool IsListed(ReadOnlySpan<char> path) => Find(path) is >= 0 and var at && rows[at].Listed;

    /// <summary>True when <paramref name="path"/> was listed or is a folder a listed path implies (the root included, once anything is listed).</summary>
    public bool Exists(ReadOnlySpan<char> path) => path.IsEmpty ? rootFirstChild != None : Find(path) >= 0;

    /// <summary>The kind and link target of a listed link at <paramref name="path"/>; false for anything else.</summary>
    public bool TryGetLink(ReadOnlySpan<char> path, out BundleEntryKind kind, out ReadOnlySpan<char> target)
    {
        kind = default;
        target = default;
        if (Find(path) is not (>= 0 and var at)) return false;
        ref var row = ref rows[at];
        if (!row.Listed || row.Kind is not (BundleEntryKind.Symlink or BundleEntryKind.HardLink)) return false;
        kind = row.Kind;
        target = row.LinkLength < 0 ? default : text.AsSpan(row.LinkStart, row.LinkLength);
        return true;
    }

    /// <summary>Names (not paths) of a folder's members, in no particular order; empty for a path with no row.</summary>
    public List<string> ChildNames(ReadOnlySpan<char> folder)
    {
        var names = new List<string>();
        int child;
        if (folder.IsEmpty) child = rootFirstChild;
        else if (Find(folder) is >= 0 and var at) child = rows[at].FirstChild;
        else return names;

        for (; child != None; child = rows[child].NextSibling)
        {
            names.Add(NameOf(child).ToString());
        }

        return names;
    }

    /// <summary>The listed entries, in the order the archive first named them (or implied their folder).</summary>
    public IEnumerable<BundleEntry> Entries()
    {
        for (var i = 0; i < rowCount; i++)
        {
            if (rows[i].Listed) yield return EntryAt(i);
        }
    }

    /// <summary>The listed links (symbolic and hard).</summary>
    public IEnumerable<BundleEntry> Links() =>
        linkRows.Distinct().Where(i => rows[i].Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink).Select(EntryAt);

    public int CountOf(BundleEntryKind kind)
    {
        var count = 0;
        for (var i = 0; i < rowCount; i++)
        {
            if (rows[i].Listed && rows[i].Kind == kind) count++;
        }

        return count;
    }

    /// <summary>Calls <paramref name="visit"/> for each listed entry, in <see cref="Entries"/> order, without making a string of its path.</summary>
    public void ForEach(EntryVisitor visit)
    {
        var path = new char[256];
        for (var i = 0; i < rowCount; i++)
        {
            if (!rows[i].Listed) continue;
            var length = PathOf(i, ref path);
            visit(path.AsSpan(0, length), rows[i].Kind, rows[i].Size);
        }
    }

    private BundleEntry EntryAt(int at)
    {
        var path = new char[256];
        var length = PathOf(at, ref path);
        ref var row = ref rows[at];
        return new BundleEntry(new string(path, 0, length), row.Kind, row.Size, row.LinkLength < 0 ? null : text.AsSpan(row.LinkStart, row.LinkLength).ToString());
    }

    private ReadOnlySpan<char> NameOf(int at) => text.AsSpan(rows[at].NameStart, rows[at].NameLength);

    /// <summary>Writes the full path of a row into <paramref name="buffer"/> (grown as needed); returns its length.</summary>
    private int PathOf(int at, ref char[] buffer)
    {
        var length = -1;
        for (var row = at; row != Root; row = rows[row].Parent) length += rows[row].NameLength + 1;
        if (buffer.Length < length) buffer = new char[Math.Max(length, buffer.Length * 2)];
        var end = length;
        for (var row = at; row != Root; row = rows[row].Parent)
        {
            var name = NameOf(row);
            end -= name.Length;
            name.CopyTo(buffer.AsSpan(end));
            if (end > 0) buffer[--end] = '/';
        }

        return length;
    }

    /// <summary>The row of <paramref name="path"/>, or -2 when it has none.</summary>
    private int Find(ReadOnlySpan<char> path)
    {
        var folder = Root;
        while (true)
        {
            var slash = path.IndexOf('/');
            var part = slash < 0 ? path : path[..slash];
            if (!byPart.TryGetValue(new PartSpan(folder, part), out var row)) return None;
            if (slash < 0) return row;
            folder = row;
            path = path[(slash + 1)..];
        }
    }

    /// <summary>The row of <paramref name="path"/>, adding it and any missing folder above it, each chained into its folder.</summary>
    private int Insert(ReadOnlySpan<char> path)
    {
        // the leading parts this path shares with the previous one already have their rows
        var shared = path.CommonPrefixLength(previous.AsSpan(0, previousLength));
        var diverged = false;
        var part = 0;
        var at = 0;
        var folder = Root;
        while (true)
        {
            var slash = path[at..].IndexOf('/');
            var end = slash < 0 ? path.Length : at + slash;
            int row;
            if (!diverged && part < previousRows.Count && end <= shared && (end == previousLength || previous[end] == '/'))
            {
                row = previousRows[part];
            }
            else
            {
                if (!diverged)
                {
                    previousRows.RemoveRange(part, previousRows.Count - part);
                    diverged = true;
                }

                var name = path[at..end];
                if (!byPart.TryGetValue(new PartSpan(folder, name), out row)) row = NewRow(folder, name);
                previousRows.Add(row);
            }

            part++;
            if (end == path.Length)
            {
                if (!diverged) previousRows.RemoveRange(part, previousRows.Count - part);
                if (previous.Length < path.Length) previous = new char[Math.Max(path.Length, previous.Length * 2)];
                path.CopyTo(previous);
                previousLength = path.Length;
                return row;
            }

            folder = row;
            at = end + 1;
        }
    }

    private int NewRow(int folder, ReadOnlySpan<char> name)
    {
        if (rowCount == rows.Length) Array.Resize(ref rows, rows.Length * 2);
        var at = rowCount++;
        var start = Append(name);
        rows[at] = new Row { NameStart = start, NameLength = name.Length, Parent = folder, LinkLength = None, FirstChild = None };
        if (folder == Root)
        {
            rows[at].NextSibling = rootFirstChild;
            rootFirstChild = at;
        }
        else
        {
            rows[at].NextSibling = rows[folder].FirstChild;
            rows[folder].FirstChild = at;
        }

        index.Add(new PartKey(folder, start, name.Length), at);
        return at;
    }

    private int Append(ReadOnlySpan<char> value)
    {
        if (textLength + value.Length > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, textLength + value.Length));
        }

        var start = textLength;
        value.CopyTo(text.AsSpan(start));
        textLength += value.Length;
        return start;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Row
    {
        /// <summary>Where the row's own name (one path part) is in the arena.</summary>
        public int NameStart;
        public int NameLength;

        /// <summary>The folder's row, or -1 for a part at the bundle root.</summary>
        public int Parent;
        public int LinkStart;

        /// <summary>Negative when the entry has no link target.</summary>
        public int LinkLength;
        public long Size;
        public BundleEntryKind Kind;

        /// <summary>False for a folder only implied by the paths below it.</summary>
        public bool Listed;
        public int FirstChild;
        public int NextSibling;
    }

    /// <summary>A row's folder and its name in the arena: the key of the index.</summary>
    private readonly record struct PartKey(int Folder, int Start, int Length);

    /// <summary>A folder row and a name being looked up.</summary>
    private readonly ref struct PartSpan(int folder, ReadOnlySpan<char> name)
    {
        public int Folder { get; } = folder;
        public ReadOnlySpan<char> Name { get; } = name;
    }

    private sealed class PartComparer(EntryTable table) : IEqualityComparer<PartKey>, IAlternateEqualityComparer<PartSpan, PartKey>
    {
        public bool Equals(PartKey x, PartKey y) => x.Folder == y.Folder && Name(x).SequenceEqual(Name(y));

        public int GetHashCode(PartKey key) => HashCode.Combine(key.Folder, string.GetHashCode(Name(key)));

        public bool Equals(PartSpan alternate, PartKey other) => alternate.Folder == other.Folder && alternate.Name.SequenceEqual(Name(other));

        public int GetHashCode(PartSpan alternate) => HashCode.Combine(alternate.Folder, string.GetHashCode(alternate.Name));

        public PartKey Create(PartSpan alternate) => throw new NotSupportedException("rows are added by EntryTable.NewRow");

        private ReadOnlySpan<char> Name(PartKey key) => table.text.AsSpan(key.Start, key.Length);
    }
}
