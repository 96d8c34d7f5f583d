using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Storage;

namespace Advisor.History;

/// <summary>What changed between two bundles (or two analyses of one bundle): facts and findings.</summary>
public sealed class BundleDiff
{
    public required BundleRecord Before { get; init; }
    public required BundleRecord After { get; init; }
    public string BeforeRuleSet { get; init; } = "";
    public string AfterRuleSet { get; init; } = "";
    public List<FactChange> Changes { get; init; } = [];
    public List<FindingChange> NewFindings { get; init; } = [];
    public List<FindingChange> ResolvedFindings { get; init; } = [];
    public List<FindingChange> PersistingFindings { get; init; } = [];

    public static BundleDiff Compute(BundleRecord before, HostFacts beforeFacts, AnalysisResult beforeAnalysis,
                                     BundleRecord after, HostFacts afterFacts, AnalysisResult afterAnalysis)
    {
        var a = FactsFlattener.Flatten(beforeFacts);
        var b = FactsFlattener.Flatten(afterFacts);
        var changes = new List<FactChange>();
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var old = a.GetValueOrDefault(key);
            var now = b.GetValueOrDefault(key);
            if (old?.Value == now?.Value) continue;
            changes.Add(new FactChange((now ?? old)!.Section, key, (now ?? old)!.Label, old?.Value, now?.Value, now?.EvidencePath ?? old?.EvidencePath));
        }

        var oldFindings = beforeAnalysis.Active.ToDictionary(Key);
        var newFindings = afterAnalysis.Active.ToDictionary(Key);
        return new BundleDiff
        {
            Before = before,
            After = after,
            BeforeRuleSet = beforeAnalysis.RuleSetVersion,
            AfterRuleSet = afterAnalysis.RuleSetVersion,
            Changes = changes,
            NewFindings = newFindings.Where(f => !oldFindings.ContainsKey(f.Key)).Select(f => FindingChange.Of(f.Value)).ToList(),
            ResolvedFindings = oldFindings.Where(f => !newFindings.ContainsKey(f.Key)).Select(f => FindingChange.Of(f.Value)).ToList(),
            PersistingFindings = newFindings.Where(f => oldFindings.ContainsKey(f.Key)).Select(f => FindingChange.Of(f.Value)).ToList(),
        };
    }

    private static string Key(Diagnostic d) => $"{d.Id}|{d.Instance}";
}

/// <summary>A fact whose value differs; a null side means the fact is absent from that bundle.</summary>
public sealed record FactChange(string Section, string Key, string Label, string? Before, string? After, string? EvidencePath);

public sealed record FindingChange(string Id, string Title, string Instance, Severity Severity, string Message)
{
    public static FindingChange Of(Diagnostic d) => new(d.Id, d.Title, d.Instance, d.Severity, d.Message);
}
