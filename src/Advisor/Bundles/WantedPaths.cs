using Microsoft.Extensions.FileSystemGlobbing;

namespace Advisor.Bundles;

/// <summary>
/// The globs the parsers declare. Entries that match are captured; all others are skipped without buffering.
/// A literal-prefix test runs first so the glob matcher only sees the few paths that could match.
/// </summary>
public sealed class WantedPaths
{
    private readonly Matcher matcher = new(StringComparison.Ordinal);
    private readonly string[] literalPrefixes;

    public WantedPaths(IEnumerable<string> globs)
    {
        Globs = globs.Distinct().ToArray();
        matcher.AddIncludePatterns(Globs);
        literalPrefixes = Globs.Select(LiteralPrefix).Distinct().ToArray();
    }

    public IReadOnlyList<string> Globs { get; }

    public bool IsWanted(string path)
    {
        foreach (var prefix in literalPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return matcher.Match(path).HasMatches;
            }
        }

        return false;
    }

    private static string LiteralPrefix(string glob)
    {
        var wildcard = glob.IndexOfAny(['*', '?', '[', '{']);
        return wildcard < 0 ? glob : glob[..wildcard];
    }
}
