using Microsoft.Extensions.FileSystemGlobbing;

namespace Advisor.Bundles;

/// <summary>
/// The globs the parsers declare. Entries that match are captured; all others are skipped without buffering.
/// Each glob's literal prefix and literal suffix are tested first (<c>sys/devices/</c> … <c>/queue/nomerges</c>),
/// so the glob matcher, which is slow, only sees the few paths that could match; a glob without wildcards is a
/// plain string comparison.
/// </summary>
public sealed class WantedPaths
{
    private static readonly char[] Wildcards = ['*', '?', '[', '{'];
    private readonly Matcher matcher = new(StringComparison.Ordinal);
    private readonly HashSet<string> literals = new(StringComparer.Ordinal);
    private readonly (string Prefix, string Suffix)[] patterns;

    public WantedPaths(IEnumerable<string> globs)
    {
        Globs = globs.Distinct().ToArray();
        matcher.AddIncludePatterns(Globs);
        var withWildcards = new List<(string, string)>();
        foreach (var glob in Globs)
        {
            var first = glob.IndexOfAny(Wildcards);
            if (first < 0)
            {
                literals.Add(glob);
                continue;
            }

            withWildcards.Add((glob[..first], glob[(glob.LastIndexOfAny(Wildcards) + 1)..]));
        }

        patterns = [.. withWildcards.Distinct()];
    }

    public IReadOnlyList<string> Globs { get; }

    public bool IsWanted(string path)
    {
        if (literals.Contains(path)) return true;
        foreach (var (prefix, suffix) in patterns)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)
                && path.EndsWith(suffix, StringComparison.Ordinal)
                && path.Length >= prefix.Length + suffix.Length)
            {
                return matcher.Match(path).HasMatches;
            }
        }

        return false;
    }
}
