using Advisor.Facts;
using Advisor.Knowledge;

namespace Advisor.Rules;

/// <summary>The types whose methods rule expressions may call: the helpers, the advisory, and every fact type.</summary>
public static class RuleTypes
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(Helpers),
        typeof(Advisory),
        typeof(Fact<string>), typeof(Fact<int>), typeof(Fact<long>), typeof(Fact<double>), typeof(Fact<List<string>>),
        .. typeof(HostFacts).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(HostFacts).Namespace && !t.IsGenericTypeDefinition && !t.IsInterface && !(t.IsAbstract && t.IsSealed && t.Name == nameof(FactsJson))),
    ];
}
