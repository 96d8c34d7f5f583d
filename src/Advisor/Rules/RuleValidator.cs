using Advisor.Diagnostics;
using Advisor.Knowledge;

namespace Advisor.Rules;

/// <summary>Checks a rule beyond its schema: a known scope, and fact paths that exist on that scope's parameters.</summary>
public static class RuleValidator
{
    public static IEnumerable<string> Check(RuleDefinition rule)
    {
        if (!RuleScopes.All.TryGetValue(rule.Scope, out var scope))
        {
            yield return $"{rule.SourcePath}:1: unknown scope '{rule.Scope}' (known: {string.Join(", ", RuleScopes.All.Keys)})";
            yield break;
        }

        if (!SeverityNames.TryParse(rule.DefaultSeverity, out _))
        {
            yield return $"{rule.SourcePath}:1: unknown severity '{rule.DefaultSeverity}'";
        }

        var types = ParameterTypes(scope);
        foreach (var path in rule.Requires.Concat(rule.Evidence).Concat(rule.Arguments.Values))
        {
            if (FactPath.Check(path, types) is { } error)
            {
                yield return $"{rule.SourcePath}:1: {error}";
            }
        }

        foreach (var name in PlaceholderNames(rule.MessageFormat).Where(n => !rule.Arguments.ContainsKey(n)))
        {
            yield return $"{rule.SourcePath}:1: the message uses {{{name}}}, which is not among the arguments";
        }
    }

    public static Dictionary<string, Type> ParameterTypes(RuleScopes.Scope scope)
    {
        var types = new Dictionary<string, Type> { ["host"] = typeof(Facts.HostFacts), ["advisory"] = typeof(Advisory) };
        types[scope.ParameterName] = scope.InstanceType;
        return types;
    }

    internal static IEnumerable<string> PlaceholderNames(string format)
    {
        var at = 0;
        while ((at = format.IndexOf('{', at)) >= 0)
        {
            var end = format.IndexOf('}', at);
            if (end < 0) yield break;
            yield return format[(at + 1)..end];
            at = end + 1;
        }
    }
}
