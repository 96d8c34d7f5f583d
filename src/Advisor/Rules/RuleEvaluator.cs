using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Knowledge;
using RulesEngine.Models;

namespace Advisor.Rules;

/// <summary>
/// Runs a <see cref="RuleSet"/> over one host's facts on Microsoft RulesEngine. Each rule becomes two workflows
/// (its applies-to filter and its condition), compiled once and run per scope instance.
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
            CustomTypes =
            [
                typeof(Helpers), typeof(CpuList), typeof(Advisory), typeof(HostFacts), typeof(KernelFacts), typeof(KernelParameter), typeof(OsFacts),
                typeof(PackageFacts), typeof(InstalledPackage), typeof(CpuFacts), typeof(CpuFrequencyPolicy), typeof(CpuVulnerability),
                typeof(ThermalThrottleCount), typeof(NumaFacts), typeof(NumaNode), typeof(PlatformFacts), typeof(ProcessorSocket),
                typeof(MemoryDevice), typeof(MemoryController), typeof(MemoryFacts), typeof(BlockDevice), typeof(BlockQueue), typeof(IrqSummary), typeof(NodeInterrupts),
                typeof(DeviceMapperTarget), typeof(DeviceMapperDevice), typeof(DeviceMapperFacts), typeof(LogicalVolume), typeof(IostatFacts),
                typeof(IostatRecord), typeof(Nic), typeof(Irq), typeof(DmesgLine), typeof(KernelLogFacts), typeof(SettingsFacts), typeof(PciDevice),
                typeof(ServiceFacts), typeof(SystemdUnit), typeof(SystemdUnitFile), typeof(ClocksourceFacts),
                typeof(Fact<string>), typeof(Fact<int>), typeof(Fact<long>), typeof(Fact<double>), typeof(Fact<List<string>>),
            ],
            EnableExceptionAsErrorMessage = true,
        };
        engine = new RulesEngine.RulesEngine([.. workflows], settings);
    }

    public AnalysisResult Evaluate(HostFacts facts)
    {
        var result = new AnalysisResult { RuleSetVersion = ruleSet.Version };
        foreach (var rule in ruleSet.Rules)
        {
            result.RulesRun++;
            try
            {
                EvaluateRule(rule, facts, result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                result.Diagnostics.Add(InternalDiagnostics.RuleFailed(rule.SourcePath, rule.Id, e.Message));
            }
        }

        return result;
    }

    private void EvaluateRule(RuleDefinition rule, HostFacts facts, AnalysisResult result)
    {
        var scope = RuleScopes.All[rule.Scope];
        var advisory = ruleSet.ArticleFor(rule.Id).Advisory;
        foreach (var (instance, label) in scope.Instances(facts))
        {
            var parameters = new Dictionary<string, object> { ["host"] = facts, ["advisory"] = advisory, [scope.ParameterName] = instance };
            var ruleParameters = parameters.Select(p => new RuleParameter(p.Key, p.Value)).ToArray();
            if (!string.IsNullOrWhiteSpace(rule.AppliesTo) && !Run(rule, rule.Id + AppliesToSuffix, ruleParameters, result))
            {
                continue;
            }

            var missing = MissingInputs(rule, parameters);
            if (missing.Count > 0)
            {
                result.NotEvaluated.Add(new NotEvaluated { Id = rule.Id, Title = rule.Title, Instance = scope.Name == "host" ? "" : label, MissingInputs = missing });
                continue;
            }

            if (Run(rule, rule.Id, ruleParameters, result))
            {
                result.Diagnostics.Add(CreateDiagnostic(rule, scope, label, parameters));
            }
        }
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

    private static List<string> MissingInputs(RuleDefinition rule, IReadOnlyDictionary<string, object> parameters)
    {
        var missing = new List<string>();
        foreach (var path in rule.Requires)
        {
            if (!FactPath.TryResolve(path, parameters, out var value) || value is IFact { State: not FactState.Present })
            {
                var reason = value is IFact fact ? fact.Reason : "not collected";
                missing.Add(value is IFact f && f.Source is { } source ? $"{reason} ({source.Path})" : reason ?? path);
            }
        }

        return missing;
    }

    private static Diagnostic CreateDiagnostic(RuleDefinition rule, RuleScopes.Scope scope, string label, IReadOnlyDictionary<string, object> parameters)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in rule.Arguments)
        {
            arguments[name] = FactPath.TryResolve(path, parameters, out var value) ? FactPath.Display(value) : "";
        }

        var evidence = new List<Evidence>();
        foreach (var path in rule.Evidence)
        {
            if (!FactPath.TryResolve(path, parameters, out var value)) continue;
            // a single fact, or a list of facts (e.g. nic.Interrupts.Lines: every IRQ row of the NIC)
            IEnumerable<object?> facts = value is IFact ? [value] : value is System.Collections.IEnumerable items and not string ? items.Cast<object?>() : [];
            foreach (var source in facts.OfType<IFact>().Select(f => f.Source).OfType<Evidence>())
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
            Scope = scope.Name,
            Instance = scope.Name == "host" ? "" : label,
            Arguments = arguments,
            Message = MessageFormatter.Format(rule.MessageFormat, arguments),
            Evidence = evidence,
        };
    }

    private static Workflow Workflow(string name, string expression) => new()
    {
        WorkflowName = name,
        Rules = [new Rule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression }],
    };
}
