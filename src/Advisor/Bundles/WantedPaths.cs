using Microsoft.Extensions.FileSystemGlobbing;

namespace Advisor.Bundles;

/// <summary>
/// The globs the parsers declare. Entries that match are captured; all others are skipped without buffering.
/// The glob matcher is slow (tens of microseconds and kilobytes of garbage a call) and a bundle has up to a quarter
/// of a million entries, so each glob has a matcher of its own, which only judges the paths that hold every literal
/// piece of that glob, in order: <c>sys/devices/**/queue/*</c>
/// needs <c>sys/devices/</c> at the start and <c>queue/</c> after it. Globs are grouped by their literal first
/// folders, so the 80,000 cgroup entries under <c>sys/fs/</c> of a real bundle meet no glob at all. A glob without
/// wildcards is a plain string comparison.
/// </summary>
public sealed class WantedPaths
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];
    private readonly HashSet<string> literals = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> literalsOfSpan;
    private readonly HashSet<string> literalFolders = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> literalFoldersOfSpan;
    private readonly Dictionary<string, LiteralPieces[]> byLeadingFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiteralPieces[]>.AlternateLookup<ReadOnlySpan<char>> byLeadingFoldersOfSpan;
    private readonly LiteralPieces[] withoutLeadingFolder;
    /// <summary>The literal globs by the name sos gives their tail (<see cref="SosTail.CopiedFileName"/>).</summary>
    private readonly Dictionary<string, string> literalsByTailName;

    public WantedPaths(IEnumerable<string> globs)
    {
        Globs = globs.Distinct().ToArray();
        var withWildcards = new List<LiteralPieces>();
        foreach (var glob in Globs)
        {
            if (glob.IndexOfAny(Wildcards) < 0)
            {
                literals.Add(glob);
                literalFolders.Add(LeadingFoldersOf(glob));
            }
            else
            {
                withWildcards.Add(LiteralPieces.Of(glob));
            }
        }

        literalsByTailName = literals.DistinctBy(SosTail.CopiedFileName).ToDictionary(SosTail.CopiedFileName, StringComparer.Ordinal);
        withoutLeadingFolder = [.. withWildcards.Where(p => p.LeadingFolders is null)];
        foreach (var group in withWildcards.Where(p => p.LeadingFolders is not null).GroupBy(p => p.LeadingFolders!))
        {
            byLeadingFolders[group.Key] = [.. group];
        }

        byLeadingFoldersOfSpan = byLeadingFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        literalFoldersOfSpan = literalFolders.GetAlternateLookup<ReadOnlySpan<char>>();
        literalsOfSpan = literals.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Globs { get; }

    /// <summary>
    /// Paths of logs, newest lines last, whose end matters more than their start: longer than the capture cap, they
    /// keep their first quarter and their last three quarters instead of their start alone.
    /// </summary>
    public IReadOnlySet<string> LogsKeptByTheirEnd { get; init; } = new HashSet<string>();

    /// <summary>
    /// True for a log of <see cref="LogsKeptByTheirEnd"/>, and for the tail sos kept of one (<see cref="SosTail"/>):
    /// <c>sos_strings/logs/var.log.kern.log.tailed</c> for <c>var/log/kern.log</c>.
    /// </summary>
    public bool IsKeptByItsEnd(string path) =>
        LogsKeptByTheirEnd.Contains(path)
        || (PathsOfTail(path) is (var file, var command) && ((file is not null && LogsKeptByTheirEnd.Contains(file)) || LogsKeptByTheirEnd.Contains(command)));

    public bool IsWanted(string path) => IsWanted(path.AsSpan());

    public bool IsWanted(ReadOnlySpan<char> path)
    {
        // the tail sos kept of a wanted file or command output over its size limit: the wanted path is a symlink to it
        if (PathsOfTail(path) is (var file, var command) && (file is not null || IsWanted(command))) return true;

        // literals and globs are filed under their first two folders ("sys/devices"), or their first ("proc"), or none
        var first = path.IndexOf('/');
        var afterFirst = first > 0 ? path[(first + 1)..].IndexOf('/') : -1;
        var second = afterFirst >= 0 ? first + 1 + afterFirst : -1;
        var leading = second > 0 ? path[..second] : first > 0 ? path[..first] : [];
        if (literalFoldersOfSpan.Contains(leading) && literalsOfSpan.Contains(path)) return true;

        if (second > 0 && CouldMatchAny(byLeadingFoldersOfSpan.TryGetValue(leading, out var underTwo) ? underTwo : [], path)) return true;
        if (first > 0 && CouldMatchAny(byLeadingFoldersOfSpan.TryGetValue(path[..first], out var underOne) ? underOne : [], path)) return true;
        return CouldMatchAny(withoutLeadingFolder, path);
    }

    /// <summary>
    /// What the tail at <paramref name="path"/> stands for: the command output <c>sos_commands/&lt;plugin&gt;/&lt;name&gt;</c>,
    /// and the literal glob whose path, slashes as dots, is its name (null when none: only files named by a literal
    /// glob are recognised so; sos tails logs, and the parsers name the logs they read literally). Null for a path that
    /// is no tail.
    /// </summary>
    private (string? File, string Command)? PathsOfTail(ReadOnlySpan<char> path)
    {
        if (!SosTail.TryParse(path, out var plugin, out var name)) return null;
        return (literalsByTailName.GetValueOrDefault(name.ToString()), SosTail.CommandOutputPath(plugin, name));
    }

    /// <summary><c>sys/devices</c> for <c>sys/devices/x/y</c>, <c>proc</c> for <c>proc/version</c>, empty for <c>uname</c>.</summary>
    private static string LeadingFoldersOf(string path)
    {
        var first = path.IndexOf('/');
        var second = first > 0 ? path.IndexOf('/', first + 1) : -1;
        return second > 0 ? path[..second] : first > 0 ? path[..first] : "";
    }

    private static bool CouldMatchAny(LiteralPieces[] candidates, ReadOnlySpan<char> path)
    {
        foreach (var glob in candidates)
        {
            if (glob.CouldMatch(path) && glob.Matches(path.ToString())) return true;
        }

        return false;
    }

    /// <summary>
    /// The literal text of a glob between its wildcards, which a matching path must hold in that order: a cheap
    /// necessary condition, so a path that fails it needs no glob matching.
    /// </summary>
    private sealed class LiteralPieces
    {
        private readonly string prefix;
        private readonly string suffix;
        private readonly string[] middle;
        private readonly Matcher matcher = new(StringComparison.Ordinal);

        private LiteralPieces(string glob, string prefix, string[] middle, string suffix)
        {
            matcher.AddInclude(glob);
            this.prefix = prefix;
            this.middle = middle;
            this.suffix = suffix;
            var first = prefix.IndexOf('/');
            var second = first > 0 ? prefix.IndexOf('/', first + 1) : -1;
            LeadingFolders = second > 0 ? prefix[..second] : first > 0 ? prefix[..first] : null;
        }

        /// <summary>The glob's first two folders, or its first, when literal: <c>sys/devices</c> for <c>sys/devices/**/dev</c>.</summary>
        public string? LeadingFolders { get; }

        public static LiteralPieces Of(string glob)
        {
            var pieces = glob.Split(Wildcards);

            // "**/" also matches no folder at all: the slash after it is not required
            for (var i = 1; i < pieces.Length; i++)
            {
                if (pieces[i].StartsWith('/') && pieces[i - 1].Length == 0) pieces[i] = pieces[i][1..];
            }

            return new LiteralPieces(glob, pieces[0], pieces[1..^1].Where(p => p.Length > 0).ToArray(), pieces.Length > 1 ? pieces[^1] : "");
        }

        /// <summary>What the glob matcher says: to be asked only when <see cref="CouldMatch"/> holds.</summary>
        public bool Matches(string path) => matcher.Match(path).HasMatches;

        public bool CouldMatch(ReadOnlySpan<char> path)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)) return false;
            var at = prefix.Length;
            var end = path.Length - suffix.Length;
            if (end < at) return false;
            foreach (var piece in middle)
            {
                var found = path[at..end].IndexOf(piece, StringComparison.Ordinal);
                if (found < 0) return false;
                at += found + piece.Length;
            }

            return true;
        }
    }
}
