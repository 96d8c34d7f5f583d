using Advisor.Bundles;

namespace Advisor.Cli;

/// <summary>What a read bundle has to say on standard error: its warnings (the first 20) and where it was cut short.</summary>
public static class BundleWarningLines
{
    private const int Shown = 20;

    public static IEnumerable<string> Of(string displayName, BundleContents contents, string coveredWhat)
    {
        foreach (var warning in contents.Warnings.Take(Shown))
        {
            yield return $"advisor: warning: {displayName}: {warning}";
        }

        if (contents.Warnings.Count > Shown)
        {
            yield return $"advisor: warning: {displayName}: {contents.Warnings.Count - Shown} more warning(s) in the engineer report";
        }

        if (contents.TruncationReason is { } truncation)
        {
            yield return $"advisor: warning: {displayName}: {truncation}; {coveredWhat} covers what was read";
        }
    }
}
