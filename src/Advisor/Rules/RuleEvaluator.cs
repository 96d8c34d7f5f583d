using System.Reflection;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Knowledge;
using RulesEngine.Models;

namespace Advisor.Rules;

/// <summary>
/// Runs a <see cref="RuleSet"/> over one host's facts on Microsoft RulesEngine. Each rule becomes two workflows
/// (its applies-to filter and its condition), compiled once and run per scope instance; its value expressions
/// (requires, arguments, evidence) were compiled when the rule set loaded.
/// </summary>
public sealed class RuleEvaluator
{
    private const string AppliesToSuffix = "/appliesTo";
    private readonly RuleSet ruleSet;
    private readonly RulesEngine.RulesEngine engine;

    public RuleEvaluator(RuleSet ruleSet)
    {
        this.ruleSet = ruleSet;
        var workflows = new List<Workflow>();
        foreach (var rule in ruleSet.Rules)
        {
            workflows.Add(Workflow(rule.Id, rule.Condition));
            if (!string.IsNullOrWhiteSpace(rule.AppliesTo))
            {
                workflows.Add(Workflow(rule.Id + AppliesToSuffix, rule.AppliesTo));
            }
        }

        var settings = new ReSettings
        {
            CustomTypes = [.. RuleTypes.All],
            EnableExceptionAsErrorMessage = true,
            // RuleTypes.All already lists every type an expression may name; registering the input types again on
            // each run would replace CustomTypes and make RulesEngine rebuild its parsing configuration, rescanning
            // every loaded assembly, for every expression it compiles (~4 ms each)
            AutoRegisterInputType = false,
        };
        engine = new RulesEngine.RulesEngine([.. workflows], settings);
        UsesSharedParsing = RuleParsing.UseIn(engine, settings);
    }

    public RuleSet RuleSet => ruleSet;

    /// <summary>True when RulesEngine parses with <see cref="RuleParsing.Config"/> (see <see cref="RuleParsing.UseIn"/>).</summary>
    public bool UsesSharedParsing { get; }

    public AnalysisResult Evaluate(HostFacts facts)
    {
        var result = new AnalysisResult { RuleSetVersion = ruleSet.Version };
        foreach (var rule in ruleSet.Compiled)
        {
            result.RulesRun++;
            try
            {
                EvaluateRule(rule, facts, result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                result.Diagnostics.Add(InternalDiagnostics.RuleFailed(rule.Definition.SourcePath, rule.Definition.Id, $"{inner.GetType().Name}: {inner.Message}"));
            }
        }

        return result;
    }

    private void EvaluateRule(CompiledRule compiled, HostFacts facts, AnalysisResult result)
    {
        var rule = compiled.Definition;
        var scope = compiled.Scope;
        // the article is parsed only for a rule whose expressions read it, and only once an instance gets past the
        // applies-to filter (unless the filter reads it too): most rules apply to nothing on a given host
        Advisory? advisory = null;
        Advisory? Advisory() => compiled.UsesAdvisory ? advisory ??= ruleSet.ArticleFor(rule.Id).Advisory : null;
        var filterUsesAdvisory = rule.AppliesTo?.Contains("advisory", StringComparison.Ordinal) == true;
        foreach (var (instance, label) in scope.Instances(facts))
        {
            object?[] Values(Advisory? a) => scope.ParameterName == "host" ? [facts, a] : [facts, a, instance];
            var values = Values(filterUsesAdvisory ? Advisory() : null);
            var ruleParameters = ParametersFor(scope, values);
            var instanceLabel = scope.Name == "host" ? "" : label;
            if (!string.IsNullOrWhiteSpace(rule.AppliesTo) && !Run(rule, rule.Id + AppliesToSuffix, ruleParameters, result))
            {
                continue;
            }

            if (compiled.UsesAdvisory && !filterUsesAdvisory)
            {
                values = Values(Advisory());
                ruleParameters = ParametersFor(scope, values);
            }

            var missing = MissingInputs(compiled, values);
            if (missing.Count > 0)
            {
                result.NotEvaluated.Add(new NotEvaluated { Id = rule.Id, Title = rule.Title, Instance = instanceLabel, MissingInputs = missing });
                continue;
            }

            if (Run(rule, rule.Id, ruleParameters, result))
            {
                result.Diagnostics.Add(CreateDiagnostic(compiled, instanceLabel, values));
            }
        }
    }

    /// <summary>
    /// Compiles every condition and applies-to expression against a probe instance of its scope: returns
    /// <c>file:1: error</c> for each that does not compile (unknown member, bad syntax, wrong types).
    /// </summary>
    public IReadOnlyList<string> FindCompileErrors()
    {
        var errors = new List<string>();
        var probe = new HostFacts();
        foreach (var compiled in ruleSet.Compiled)
        {
            var rule = compiled.Definition;
            var scope = compiled.Scope;
            // compiling needs the parameter types only: an empty advisory, not the parsed article
            var advisory = compiled.UsesAdvisory ? new Advisory() : null;
            object?[] values = scope.ParameterName == "host" ? [probe, advisory] : [probe, advisory, Activator.CreateInstance(scope.InstanceType)];
            var parameters = ParametersFor(scope, values);
            foreach (var workflow in string.IsNullOrWhiteSpace(rule.AppliesTo) ? [rule.Id] : new[] { rule.Id, rule.Id + AppliesToSuffix })
            {
                var outcome = engine.ExecuteAllRulesAsync(workflow, parameters).AsTask().GetAwaiter().GetResult().Single();
                if (outcome.ExceptionMessage?.Contains("parsing expression", StringComparison.OrdinalIgnoreCase) == true)
                {
                    errors.Add($"{rule.SourcePath}:1: {rule.Id}{(workflow.EndsWith(AppliesToSuffix, StringComparison.Ordinal) ? " appliesTo" : " condition")} does not compile: {outcome.ExceptionMessage}");
                }
            }
        }

        return errors;
    }

    /// <summary>Runs one workflow; an expression that fails to compile or throws becomes an ADV9999 finding.</summary>
    private bool Run(RuleDefinition rule, string workflow, RuleParameter[] parameters, AnalysisResult result)
    {
        var outcome = engine.ExecuteAllRulesAsync(workflow, parameters).AsTask().GetAwaiter().GetResult().Single();
        if (!string.IsNullOrEmpty(outcome.ExceptionMessage))
        {
            var failure = InternalDiagnostics.RuleFailed(rule.SourcePath, rule.Id, outcome.ExceptionMessage);
            if (!result.Diagnostics.Any(d => d.Id == failure.Id && d.Message == failure.Message))
            {
                result.Diagnostics.Add(failure);
            }

            return false;
        }

        return outcome.IsSuccess;
    }

    /// <summary>RulesEngine's parameters, typed by the scope (so a rule that does not read its advisory can be given none).</summary>
    private static RuleParameter[] ParametersFor(RuleScopes.Scope scope, object?[] values) =>
        CompiledRule.ParametersOf(scope)
            .Select((p, i) => p.Type == typeof(Advisory) ? RuleParameter.Create(p.Name, (Advisory?)values[i]) : new RuleParameter(p.Name, values[i]))
            .ToArray();

    private static List<string> MissingInputs(CompiledRule rule, object?[] values)
    {
        var missing = new List<string>();
        foreach (var expression in rule.Requires)
        {
            var value = expression.Evaluate(values);
            if (value is null)
            {
                missing.Add($"{expression.Text}: not collected");
            }
            else if (value is IFact { State: not FactState.Present } fact)
            {
                missing.Add(fact.Source is { } source ? $"{fact.Reason} ({source.Path})" : fact.Reason ?? expression.Text);
            }
        }

        return missing;
    }

    private static Diagnostic CreateDiagnostic(CompiledRule compiled, string instance, object?[] values)
    {
        var rule = compiled.Definition;
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, expression) in compiled.Arguments)
        {
            arguments[name] = ValueText.Display(expression.Evaluate(values));
        }

        var evidence = new List<Evidence>();
        foreach (var expression in compiled.Evidence)
        {
            foreach (var source in SourcesOf(expression.Evaluate(values)))
            {
                if (!evidence.Contains(source)) evidence.Add(source);
            }
        }

        SeverityNames.TryParse(rule.DefaultSeverity, out var severity);
        return new Diagnostic
        {
            Id = rule.Id,
            Title = rule.Title,
            Category = rule.Category,
            Severity = severity,
            Scope = compiled.Scope.Name,
            Instance = instance,
            Arguments = arguments,
            Message = MessageFormatter.Format(rule.MessageFormat, arguments),
            Evidence = evidence,
        };
    }

    /// <summary>The bundle lines behind an evidence value: a fact's source, a bare evidence, or each item of a list of them.</summary>
    private static IEnumerable<Evidence> SourcesOf(object? value) => value switch
    {
        IFact { Source: { } source } => [source],
        Evidence evidence => [evidence],
        System.Collections.IEnumerable items and not string => items.Cast<object?>().SelectMany(SourcesOf),
        _ => [],
    };

    private static Workflow Workflow(string name, string expression) => new()
    {
        WorkflowName = name,
        Rules = [new Rule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression }],
    };
}
