using System.Text.Json.Serialization;

namespace Advisor.Rules;

/// <summary>One file in <c>rules/</c>: a Roslyn-style descriptor plus the RulesEngine expressions that decide it.</summary>
public sealed class RuleDefinition
{
    /// <summary>The schema a rule file names for editors (<c>"$schema": "../rules.schema.json"</c>).</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string DefaultSeverity { get; set; } = "warning";

    /// <summary>The finding's message; <c>{name}</c> is replaced by the argument of that name.</summary>
    public string MessageFormat { get; set; } = "";
    public List<string> Tags { get; set; } = [];

    /// <summary><c>host</c>, or a fact kind the rule runs once per instance of (see <see cref="RuleScopes"/>).</summary>
    public string Scope { get; set; } = "host";

    /// <summary>Optional expression that picks the instances the rule is about (e.g. only NVMe devices).</summary>
    public string? AppliesTo { get; set; }

    /// <summary>Fact paths that must be present; a missing one makes the rule "not evaluated" for that instance.</summary>
    public List<string> Requires { get; set; } = [];

    /// <summary>The RulesEngine expression: true means the issue is present.</summary>
    public string Condition { get; set; } = "";

    /// <summary>Message argument name → fact path.</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];

    /// <summary>Fact paths whose source lines prove the finding, most telling first.</summary>
    public List<string> Evidence { get; set; } = [];

    [JsonIgnore]
    public string SourcePath { get; set; } = "";
}
