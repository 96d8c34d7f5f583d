using System.Runtime.InteropServices;

namespace Advisor.Bundles;

/// <summary>
/// Every entry of a bundle, kept compactly as a tree: one row per path part (an entry, or a folder a path implies
/// but the archive never listed), each holding its name, its folder's row and the chain of its own members, with
/// the names in a character arena and a hash index from (folder row, name) to row. Rows and names live in
/// fixed-size chunks, so growing never copies them, and the large-object heap sees a few chunks rather than ever
/// bigger arrays (past its budget, each costs a full garbage collection).
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
    private const int RowChunkBits = 12;
    private const int RowChunkSize = 1 << RowChunkBits;
    private const int TextChunkSize = 1 << 16;

    private readonly List<Row[]> rowChunks = [];
    private int rowCount;
    private readonly List<char[]> textChunks = [];
    private int textUsed;
    private int rootFirstChild = None;
    private int[] buckets = new int[1 << 10];
    private readonly List<string> linkTargets = [];

    // the previous path added, and the row of each of its parts, where the next path's search starts
    private char[] previous = new char[256];
    private int previousLength;
    private readonly List<int> previousRows = [];

    public EntryTable() => Array.Fill(buckets, None);

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
        ref var row = ref RowAt(at);
        var duplicate = row.Listed;
        if (!duplicate)
        {
            row.Listed = true;
            Count++;
        }

        row.Kind = kind;
        row.Size = size;
        row.Link = None;
        if (hasLinkTarget)
        {
            row.Link = linkTargets.Count;
            linkTargets.Add(linkTarget.ToString());
        }

        return !duplicate;
    }

    /// <summary>Makes sure <paramref name="path"/> and its folders have rows, without listing it as an entry.</summary>
    public void Imply(ReadOnlySpan<char> path)
    {
        if (!path.IsEmpty) Insert(path);
    }

    /// <summary>True when the archive listed <paramref name="path"/>.</summary>
    public bool IsListed(ReadOnlySpan<char> path) => Find(path) is >= 0 and var at && RowAt(at).Listed;

    /// <summary>True when <paramref name="path"/> was listed or is a folder a listed path implies (the root included, once anything is listed).</summary>
    public bool Exists(ReadOnlySpan<char> path) => path.IsEmpty ? rootFirstChild != None : Find(path) >= 0;

    /// <summary>The kind and link target of a listed link at <paramref name="path"/>; false for anything else.</summary>
    public bool TryGetLink(ReadOnlySpan<char> path, out BundleEntryKind kind, out ReadOnlySpan<char> target)
    {
        kind = default;
        target = default;
        if (Find(path) is not (>= 0 and var at)) return false;
        ref var row = ref RowAt(at);
        if (!row.Listed || row.Kind is not (BundleEntryKind.Symlink or BundleEntryKind.HardLink)) return false;
        kind = row.Kind;
        target = row.Link < 0 ? default : linkTargets[row.Link];
        return true;
    }

    /// <summary>Names (not paths) of a folder's members, in no particular order; empty for a path with no row.</summary>
    public List<string> ChildNames(ReadOnlySpan<char> folder)
    {
        var names = new List<string>();
        int child;
        if (folder.IsEmpty) child = rootFirstChild;
        else if (Find(folder) is >= 0 and var at) child = RowAt(at).FirstChild;
        else return names;

        for (; child != None; child = RowAt(child).NextSibling)
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
            if (RowAt(i).Listed) yield return EntryAt(i);
        }
    }

    /// <summary>The listed links (symbolic and hard).</summary>
    public IEnumerable<BundleEntry> Links()
    {
        for (var i = 0; i < rowCount; i++)
        {
            if (RowAt(i).Listed && RowAt(i).Kind is BundleEntryKind.Symlink or BundleEntryKind.HardLink) yield return EntryAt(i);
        }
    }

    public int CountOf(BundleEntryKind kind)
    {
        var count = 0;
        for (var i = 0; i < rowCount; i++)
        {
            if (RowAt(i).Listed && RowAt(i).Kind == kind) count++;
        }

        return count;
    }

    /// <summary>Calls <paramref name="visit"/> for each listed entry, in <see cref="Entries"/> order, without making a string of its path.</summary>
    public void ForEach(EntryVisitor visit)
    {
        var path = new char[256];
        for (var i = 0; i < rowCount; i++)
        {
            ref var row = ref RowAt(i);
            if (!row.Listed) continue;
            var length = PathOf(i, ref path);
            visit(path.AsSpan(0, length), row.Kind, row.Size);
        }
    }

    private BundleEntry EntryAt(int at)
    {
        var path = new char[256];
        var length = PathOf(at, ref path);
        ref var row = ref RowAt(at);
        return new BundleEntry(new string(path, 0, length), row.Kind, row.Size, row.Link < 0 ? null : linkTargets[row.Link]);
    }

    private ref Row RowAt(int at) => ref rowChunks[at >> RowChunkBits][at & (RowChunkSize - 1)];

    private ReadOnlySpan<char> NameOf(int at)
    {
        ref var row = ref RowAt(at);
        return textChunks[row.NameChunk].AsSpan(row.NameStart, row.NameLength);
    }

    /// <summary>Writes the full path of a row into <paramref name="buffer"/> (grown as needed); returns its length.</summary>
    private int PathOf(int at, ref char[] buffer)
    {
        var length = -1;
        for (var row = at; row != Root; row = RowAt(row).Parent) length += RowAt(row).NameLength + 1;
        if (buffer.Length < length) buffer = new char[Math.Max(length, buffer.Length * 2)];
        var end = length;
        for (var row = at; row != Root; row = RowAt(row).Parent)
        {
            var name = NameOf(row);
            end -= name.Length;
            name.CopyTo(buffer.AsSpan(end));
            if (end > 0) buffer[--end] = '/';
        }

        return length;
    }

    /// <summary>The row named <paramref name="name"/> in folder row <paramref name="folder"/>, or -2.</summary>
    private int Lookup(int folder, ReadOnlySpan<char> name, int hash)
    {
        for (var at = buckets[hash & (buckets.Length - 1)]; at != None; at = RowAt(at).NextInBucket)
        {
            ref var row = ref RowAt(at);
            if (row.Hash == hash && row.Parent == folder && NameOf(at).SequenceEqual(name)) return at;
        }

        return None;
    }

    private static int HashOf(int folder, ReadOnlySpan<char> name) => HashCode.Combine(folder, string.GetHashCode(name));

    /// <summary>The row of <paramref name="path"/>, or -2 when it has none.</summary>
    private int Find(ReadOnlySpan<char> path)
    {
        var folder = Root;
        while (true)
        {
            var slash = path.IndexOf('/');
            var part = slash < 0 ? path : path[..slash];
            var row = Lookup(folder, part, HashOf(folder, part));
            if (row == None || slash < 0) return row;
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
                var hash = HashOf(folder, name);
                row = Lookup(folder, name, hash);
                if (row == None) row = NewRow(folder, name, hash);
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

    private int NewRow(int folder, ReadOnlySpan<char> name, int hash)
    {
        if ((rowCount & (RowChunkSize - 1)) == 0) rowChunks.Add(new Row[RowChunkSize]);
        var at = rowCount++;
        var (chunk, start) = Append(name);
        ref var row = ref RowAt(at);
        row = new Row { NameChunk = chunk, NameStart = start, NameLength = name.Length, Parent = folder, Link = None, FirstChild = None, Hash = hash };
        ref var firstChild = ref folder == Root ? ref rootFirstChild : ref RowAt(folder).FirstChild;
        row.NextSibling = firstChild;
        firstChild = at;

        if (rowCount > buckets.Length * 3 / 4) Rehash(buckets.Length * 2);
        ref var bucket = ref buckets[hash & (buckets.Length - 1)];
        row.NextInBucket = bucket;
        bucket = at;
        return at;
    }

    private void Rehash(int size)
    {
        buckets = new int[size];
        Array.Fill(buckets, None);
        for (var at = 0; at < rowCount - 1; at++)
        {
            ref var row = ref RowAt(at);
            ref var bucket = ref buckets[row.Hash & (size - 1)];
            row.NextInBucket = bucket;
            bucket = at;
        }
    }

    /// <summary>Copies a name into the arena: into the current chunk, or a new one when it does not fit.</summary>
    private (int Chunk, int Start) Append(ReadOnlySpan<char> value)
    {
        if (textChunks.Count == 0 || textUsed + value.Length > textChunks[^1].Length)
        {
            textChunks.Add(new char[Math.Max(TextChunkSize, value.Length)]);
            textUsed = 0;
        }

        value.CopyTo(textChunks[^1].AsSpan(textUsed));
        textUsed += value.Length;
        return (textChunks.Count - 1, textUsed - value.Length);
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Row
    {
        /// <summary>Where the row's own name (one path part) is in the arena.</summary>
        public int NameChunk;
        public int NameStart;
        public int NameLength;

        /// <summary>The folder's row, or -1 for a part at the bundle root.</summary>
        public int Parent;

        /// <summary>Index of the link target in <c>linkTargets</c>, negative when the entry has none.</summary>
        public int Link;
        public long Size;
        public BundleEntryKind Kind;

        /// <summary>False for a folder only implied by the paths below it.</summary>
        public bool Listed;
        public int FirstChild;
        public int NextSibling;
        public int Hash;
        public int NextInBucket;
    }
}
