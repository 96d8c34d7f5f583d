using Advisor.Rules;

namespace Advisor.Cli;

/// <summary>Finds the shipped rules, kb articles and schema next to the program (builds, publishes and the .NET tool).</summary>
public static class KnowledgeLocation
{
    public static RuleSet LoadShipped()
    {
        var root = AppContext.BaseDirectory;
        return RuleSet.Load(Path.Combine(root, "rules"), Path.Combine(root, "kb"), Path.Combine(root, "rules.schema.json"));
    }
}
