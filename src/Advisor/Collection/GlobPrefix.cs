namespace Advisor.Collection;

/// <summary>
/// Whether a folder can hold a path a glob matches (<c>sys/devices/x</c> can, for <c>sys/devices/**/dev</c>;
/// <c>sys/kernel</c> cannot, for <c>sys/block/*/dev</c>), so the live walk only descends where something is wanted.
/// Segments support <c>*</c> and <c>?</c>; <c>**</c> spans any number of folders; anything fancier matches any name.
/// </summary>
public sealed class GlobPrefix
{
    private readonly string[][] globs;

    public GlobPrefix(IEnumerable<string> globs) => this.globs = globs.Select(g => g.Split('/')).ToArray();

    /// <summary>The literal folders the globs start in (<c>sys/devices</c> for <c>sys/devices/**/dev</c>), outermost only.</summary>
    public IReadOnlyList<string> StartFolders()
    {
        var starts = globs
            .Select(g => string.Join('/', g.TakeWhile(s => !HasWildcard(s)).Take(g.Length - 1)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return starts.Where(s => !starts.Any(o => o != s && (o.Length == 0 || s.StartsWith(o + "/", StringComparison.Ordinal)))).ToList();
    }

    /// <summary>True when <paramref name="path"/> matches a glob or is a folder on the way to a match.</summary>
    public bool CanLeadToMatch(string path)
    {
        var parts = path.Split('/');
        return globs.Any(g => CanLead(g, 0, parts, 0));
    }

    private static bool CanLead(string[] glob, int g, string[] path, int p)
    {
        if (p == path.Length) return true;
        if (g == glob.Length) return false;
        if (glob[g] == "**") return CanLead(glob, g + 1, path, p) || CanLead(glob, g, path, p + 1);
        return SegmentMatches(glob[g], path[p]) && CanLead(glob, g + 1, path, p + 1);
    }

    private static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?', '[', '{']) >= 0;

    /// <summary><c>*</c> and <c>?</c> wildcards; a segment with <c>[</c> or <c>{</c> matches anything (the walk only prunes).</summary>
    public static bool SegmentMatches(string pattern, string name)
    {
        if (pattern.IndexOfAny(['[', '{']) >= 0) return true;
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
