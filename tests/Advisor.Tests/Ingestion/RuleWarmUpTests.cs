using Advisor.Cli;
using Advisor.Rules;
using Advisor.Tests.Support;

namespace Advisor.Tests.Ingestion;

public sealed class RuleWarmUpTests
{
    [Fact]
    public async Task Compiling_the_shipped_rules_ahead_of_the_read_finds_no_broken_expression()
    {
        var (rules, _) = await KnowledgeLocation.TakeCompiled();

        Assert.Empty(rules.FindCompileErrors());
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_named_by_the_warm_up()
    {
        using var temp = new TempFolder();
        var root = KnowledgeBaseCopy.Create(temp);
        var rule = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("host.Platform.IsBareMetal &&", "host.Platform.NoSuchProperty &&"));
        var rules = new RuleEvaluator(RuleSet.LoadFrom(root));

        var error = Assert.Single(rules.FindCompileErrors());

        Assert.Contains("rules/ADV0003-slow-clocksource.json:1: ADV0003 condition does not compile", error);
    }
}
