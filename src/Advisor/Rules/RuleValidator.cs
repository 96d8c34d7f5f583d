using Advisor.Diagnostics;

namespace Advisor.Rules;

/// <summary>Checks a rule beyond its schema: a known scope, and fact paths that exist on that scope's parameters.</summary>
public static class RuleValidator
{
    /// <summary>Checks the severity and that every placeholder of the message has an argument (expressions are compiled by <see cref="CompiledRule"/>).</summary>
    public static IEnumerable<string> Check(RuleDefinition rule)
    {
        if (!SeverityNames.TryParse(rule.DefaultSeverity, out _))
        {
            yield return $"{rule.SourcePath}:1: unknown severity '{rule.DefaultSeverity}'";
        }

        foreach (var name in PlaceholderNames(rule.MessageFormat).Where(n => !rule.Arguments.ContainsKey(n)))
        {
            yield return $"{rule.SourcePath}:1: the message uses {{{name}}}, which is not among the arguments";
        }
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
