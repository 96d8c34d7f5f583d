using Advisor.Storage;

namespace Advisor.Cli;

/// <summary>Resolves what the user typed to stored bundles: a case id, or a bundle id or unique prefix of one (like git).</summary>
public static class BundleSelector
{
    public sealed class SelectionException(string message) : Exception(message);

    /// <summary>A case's bundles (oldest first) or the one bundle the prefix names.</summary>
    public static IReadOnlyList<BundleRecord> Select(AdvisorDatabase db, string text)
    {
        var ofCase = db.BundlesOfCase(text);
        if (ofCase.Count > 0) return ofCase;
        return [SelectBundle(db, text)];
    }

    public static BundleRecord SelectBundle(AdvisorDatabase db, string text)
    {
        var matches = db.FindBundlesByPrefix(text);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new SelectionException($"no bundle or case '{text}' in {db.Path} ('advisor list' shows them)"),
            _ => throw new SelectionException($"'{text}' is ambiguous: it starts {matches.Count} bundle ids ({string.Join(", ", matches.Take(5).Select(b => b.ShortId))}); type more of it"),
        };
    }
}
