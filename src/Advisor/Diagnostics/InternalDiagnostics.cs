namespace Advisor.Diagnostics;

/// <summary>Diagnostics Advisor raises about itself, not about the host.</summary>
public static class InternalDiagnostics
{
    public const string RuleFailedId = "ADV9999";
    public const string Category = "Advisor";

    public static Diagnostic RuleFailed(string ruleFile, string ruleId, string error) => new()
    {
        Id = RuleFailedId,
        Title = "A rule could not be evaluated",
        Category = Category,
        Severity = Severity.Warning,
        Scope = "host",
        Message = $"Rule {ruleId} ({ruleFile}) failed: {error}",
        Arguments = new() { ["rule"] = ruleId, ["file"] = ruleFile, ["error"] = error },
    };
}
