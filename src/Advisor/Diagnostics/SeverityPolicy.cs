using Advisor.Configuration;

namespace Advisor.Diagnostics;

/// <summary>Applies the user's severity overrides (by id, then by category) and suppressions, as Roslyn's .editorconfig does.</summary>
public sealed class SeverityPolicy
{
    private readonly Dictionary<string, Severity> overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Suppression> suppressions;

    public SeverityPolicy(AdvisorSettings settings)
    {
        foreach (var (key, value) in settings.Severity)
        {
            if (!SeverityNames.TryParse(value, out var severity))
            {
                throw new ConfigurationException($"Severity:{key} = '{value}' is not one of none, info, warning, error");
            }

            overrides[key] = severity;
        }

        foreach (var suppression in settings.Suppressions)
        {
            if (string.IsNullOrWhiteSpace(suppression.Id) || string.IsNullOrWhiteSpace(suppression.Justification))
            {
                throw new ConfigurationException($"a suppression needs both an Id and a Justification (got Id '{suppression.Id}')");
            }
        }

        suppressions = settings.Suppressions;
    }

    /// <summary>Applies overrides and suppressions; <paramref name="caseSuppressions"/> come from the database for the bundle's case.</summary>
    public void Apply(AnalysisResult result, IReadOnlyList<Suppression>? caseSuppressions = null)
    {
        var all = caseSuppressions is null ? suppressions : [.. suppressions, .. caseSuppressions];
        foreach (var diagnostic in result.Diagnostics)
        {
            if (overrides.TryGetValue(diagnostic.Id, out var byId)) diagnostic.Severity = byId;
            else if (overrides.TryGetValue(diagnostic.Category, out var byCategory)) diagnostic.Severity = byCategory;

            var suppression = all.FirstOrDefault(s =>
                s.Id.Equals(diagnostic.Id, StringComparison.OrdinalIgnoreCase)
                && (string.IsNullOrEmpty(s.Instance) || s.Instance == diagnostic.Instance));
            diagnostic.SuppressionJustification = suppression?.Justification;
        }

        result.Diagnostics.RemoveAll(d => d.Severity == Severity.None);
    }
}
