using Microsoft.Extensions.FileSystemGlobbing;

namespace Advisor.Bundles;

/// <summary>
/// The globs the parsers declare. Entries that match are captured; all others are skipped without buffering.
/// The glob matcher is slow (tens of microseconds a call) and a bundle has up to a quarter of a million entries,
/// so it only judges the paths that hold every literal piece of some glob, in order: <c>sys/devices/**/queue/*</c>
/// needs <c>sys/devices/</c> at the start and <c>queue/</c> after it. A glob without wildcards is a plain string
/// comparison.
/// </summary>
public sealed class WantedPaths
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];
    private readonly Matcher matcher = new(StringComparison.Ordinal);
    private readonly HashSet<string> literals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiteralPieces[]> piecesByFirstFolder = new(StringComparer.Ordinal);
    private readonly LiteralPieces[] piecesWithoutFirstFolder;

    public WantedPaths(IEnumerable<string> globs)
    {
        Globs = globs.Distinct().ToArray();
        matcher.AddIncludePatterns(Globs);
        var withWildcards = new List<LiteralPieces>();
        foreach (var glob in Globs)
        {
            if (glob.IndexOfAny(Wildcards) < 0)
            {
                literals.Add(glob);
            }
            else
            {
                withWildcards.Add(LiteralPieces.Of(glob));
            }
        }

        piecesWithoutFirstFolder = [.. withWildcards.Where(p => p.FirstFolder is null)];
        foreach (var group in withWildcards.Where(p => p.FirstFolder is not null).GroupBy(p => p.FirstFolder!))
        {
            piecesByFirstFolder[group.Key] = [.. group, .. piecesWithoutFirstFolder];
        }
    }

    public IReadOnlyList<string> Globs { get; }

    public bool IsWanted(string path)
    {
        if (literals.Contains(path)) return true;
        var slash = path.IndexOf('/');
        var candidates = slash > 0 && piecesByFirstFolder.GetValueOrDefault(path[..slash]) is { } byFolder ? byFolder : piecesWithoutFirstFolder;
        foreach (var pieces in candidates)
        {
            if (pieces.CouldMatch(path))
            {
                return matcher.Match(path).HasMatches;
            }
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

        private LiteralPieces(string prefix, string[] middle, string suffix)
        {
            this.prefix = prefix;
            this.middle = middle;
            this.suffix = suffix;
            var slash = prefix.IndexOf('/');
            FirstFolder = slash > 0 ? prefix[..slash] : null;
        }

        /// <summary>The glob's first folder when it is literal (<c>sys</c> for <c>sys/devices/**/dev</c>).</summary>
        public string? FirstFolder { get; }

        public static LiteralPieces Of(string glob)
        {
            var pieces = glob.Split(Wildcards);

            // "**/" also matches no folder at all: the slash after it is not required
            for (var i = 1; i < pieces.Length; i++)
            {
                if (pieces[i].StartsWith('/') && pieces[i - 1].Length == 0) pieces[i] = pieces[i][1..];
            }

            return new LiteralPieces(pieces[0], pieces[1..^1].Where(p => p.Length > 0).ToArray(), pieces.Length > 1 ? pieces[^1] : "");
        }

        public bool CouldMatch(string path)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)) return false;
            var at = prefix.Length;
            var end = path.Length - suffix.Length;
            if (end < at) return false;
            foreach (var piece in middle)
            {
                var found = path.AsSpan(at, end - at).IndexOf(piece, StringComparison.Ordinal);
                if (found < 0) return false;
                at += found + piece.Length;
            }

            return true;
        }
    }
}
