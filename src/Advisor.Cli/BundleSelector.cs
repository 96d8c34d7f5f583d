using Advisor.Storage;

namespace Advisor.Cli;

/// <summary>Finds a stored bundle by its id or a unique prefix of it, as git finds a commit.</summary>
public static class BundleSelector
{
    /// <summary>The one bundle whose id starts with <paramref name="prefix"/>, or a one-line reason why there is none.</summary>
    public static (BundleRecord? Bundle, string? Error) Find(IReadOnlyList<BundleRecord> bundles, string prefix, string databasePath)
    {
        var wanted = prefix.Trim();
        if (wanted.Length == 0)
        {
            return (null, "the bundle id is empty");
        }

        var matches = bundles.Where(b => b.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"no bundle with id '{wanted}' in {databasePath}"),
            _ => (null, $"ambiguous prefix '{wanted}': {matches.Count} bundles match ({string.Join(", ", matches.Take(5).Select(b => b.Id[..Math.Min(12, b.Id.Length)]))}{(matches.Count > 5 ? ", …" : "")}); give more characters"),
        };
    }
}
