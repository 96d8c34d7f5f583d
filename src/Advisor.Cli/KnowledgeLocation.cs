using Advisor.Rules;

namespace Advisor.Cli;

/// <summary>Finds the shipped rules, kb articles and schema next to the program (builds, publishes and the .NET tool).</summary>
public static class KnowledgeLocation
{
    public static string ShippedRoot => AppContext.BaseDirectory;

    public static RuleSet LoadShipped() => RuleSet.LoadFrom(ShippedRoot);
}
