using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Tests.Support;

namespace Advisor.Tests.Rules;

public sealed class RuleEvaluatorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_rule_that_throws_becomes_ADV9999_naming_the_rule_and_the_other_rules_still_run()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var broken = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        // Os.Id is missing in these facts, so its Value is null and .Length throws at run time
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\"condition\": \"", "\"condition\": \"host.Os.Id.Value.Length > 0 && "));
        var rules = RuleSet.LoadFrom(root);
        var facts = new HostFacts
        {
            Kernel = new KernelFacts { Release = Fact<string>.Of("4.4.0-1087-aws", new Evidence("uname", 1, "")) },
            Clocksource = new ClocksourceFacts
            {
                Current = Fact<string>.Of("hpet", new Evidence("c", 1, "hpet")),
                Available = Fact<List<string>>.Of(["tsc", "hpet"], new Evidence("a", 1, "tsc hpet")),
            },
            Platform = new PlatformFacts { Virtualization = Fact<string>.Of("none", new Evidence("dmidecode", 3, "Dell Inc.")) },
            BlockDevices = [new BlockDevice { Name = "nvme0n1", Transport = "nvme", Queue = new BlockQueue { Nomerges = Fact<int>.Of(2, new Evidence("sys/block/nvme0n1/queue/nomerges", 1, "2")) } }],
        };

        var result = new RuleEvaluator(rules).Evaluate(facts);

        var failure = Assert.Single(result.Diagnostics, d => d.Id == InternalDiagnostics.RuleFailedId);
        Assert.Contains("ADV0003", failure.Message);
        Assert.Contains("rules/ADV0003-slow-clocksource.json", failure.Message);
        Assert.Contains(result.Diagnostics, d => d.Id == "ADV0001" && d.Instance == "nvme0n1");
    }

    [Fact]
    public void RulesEngine_parses_conditions_with_the_closed_rule_configuration_so_rule_helpers_resolve_and_system_enums_do_not()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var rule = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        var original = File.ReadAllText(rule);

        var evaluator = new RuleEvaluator(RuleSet.LoadFrom(root));
        File.WriteAllText(rule, original.Replace("\"condition\": \"", "\"condition\": \"host.Hostname.Value.StartsWith(\\\"x\\\", StringComparison.Ordinal) || "));
        var withEnum = new RuleEvaluator(RuleSet.LoadFrom(root));

        // a RulesEngine version without the cache Advisor fills would fall back to its own (slower) configuration
        Assert.True(evaluator.UsesSharedParsing);
        Assert.Empty(evaluator.FindCompileErrors());
        var error = Assert.Single(withEnum.FindCompileErrors());
        Assert.Contains("ADV0003 condition does not compile", error);
        Assert.Contains("StringComparison", error);
    }
}
