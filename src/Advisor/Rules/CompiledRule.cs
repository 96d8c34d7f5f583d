using Advisor.Knowledge;

namespace Advisor.Rules;

/// <summary>A rule with its value expressions (requires, arguments, evidence) compiled for its scope's parameters.</summary>
public sealed class CompiledRule
{
    private CompiledRule(RuleDefinition definition, RuleScopes.Scope scope)
    {
        Definition = definition;
        Scope = scope;
    }

    public RuleDefinition Definition { get; }
    public RuleScopes.Scope Scope { get; }
    public List<ValueExpression> Requires { get; } = [];
    public List<(string Name, ValueExpression Expression)> Arguments { get; } = [];
    public List<ValueExpression> Evidence { get; } = [];

    /// <summary>The parameters every expression of this rule sees, in order: host, advisory, then the scope's instance.</summary>
    public static IReadOnlyList<(string Name, Type Type)> ParametersOf(RuleScopes.Scope scope) =>
        scope.ParameterName == "host"
            ? [("host", typeof(Facts.HostFacts)), ("advisory", typeof(Advisory))]
            : [("host", typeof(Facts.HostFacts)), ("advisory", typeof(Advisory)), (scope.ParameterName, scope.InstanceType)];

    /// <summary>
    /// True when an expression of the rule names <c>advisory</c>, so its kb article's front matter must be read to
    /// evaluate it.
    /// </summary>
    public bool UsesAdvisory { get; private init; }

    /// <summary>
    /// Prepares every value expression. With <paramref name="parseNow"/> each is parsed here and each failure is
    /// returned as <c>file:1: message</c> (the rule is then not usable); without, each is parsed when first
    /// evaluated.
    /// </summary>
    public static CompiledRule? TryCompile(RuleDefinition definition, List<string> problems, bool parseNow)
    {
        if (!RuleScopes.All.TryGetValue(definition.Scope, out var scope))
        {
            problems.Add($"{definition.SourcePath}:1: unknown scope '{definition.Scope}' (known: {string.Join(", ", RuleScopes.All.Keys)})");
            return null;
        }

        var rule = new CompiledRule(definition, scope)
        {
            UsesAdvisory = new[] { definition.Condition, definition.AppliesTo ?? "" }
                .Concat(definition.Requires).Concat(definition.Arguments.Values).Concat(definition.Evidence)
                .Any(text => text.Contains("advisory", StringComparison.Ordinal)),
        };
        var parameters = ParametersOf(scope);
        var before = problems.Count;
        ValueExpression? Compile(string what, string text)
        {
            try
            {
                return parseNow ? ValueExpression.Compile(text, parameters) : ValueExpression.CompileOnFirstUse(text, parameters);
            }
            catch (Exception e) when (e is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException)
            {
                problems.Add($"{definition.SourcePath}:1: {what} '{text}' does not compile: {e.Message}");
                return null;
            }
        }

        foreach (var text in definition.Requires)
        {
            if (Compile("requires", text) is { } compiled) rule.Requires.Add(compiled);
        }

        foreach (var (name, text) in definition.Arguments)
        {
            if (Compile($"argument {name}", text) is { } compiled) rule.Arguments.Add((name, compiled));
        }

        foreach (var text in definition.Evidence)
        {
            if (Compile("evidence", text) is { } compiled) rule.Evidence.Add(compiled);
        }

        return problems.Count == before ? rule : null;
    }
}
