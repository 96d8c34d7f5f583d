using Advisor.Cli;
using Advisor.Configuration;
using Advisor.Ingestion;
using Advisor.Tests.Support;

namespace Advisor.Tests.Ingestion;

public sealed class RuleWarmUpTests
{
    [Fact]
    public void Compiling_the_shipped_rules_ahead_of_the_read_finds_no_broken_expression()
    {
        var ingestor = new Ingestor(KnowledgeLocation.LoadShipped(), new AdvisorSettings());

        Assert.Empty(ingestor.CompileRules());
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_named_by_the_warm_up()
    {
        using var temp = new TempFolder();
        var root = KnowledgeBaseCopy.Create(temp);
        var rule = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("host.Platform.IsBareMetal &&", "host.Platform.NoSuchProperty &&"));
        var ingestor = new Ingestor(Advisor.Rules.RuleSet.LoadFrom(root), new AdvisorSettings());

        var error = Assert.Single(ingestor.CompileRules());

        Assert.Contains("rules/ADV0003-slow-clocksource.json:1: ADV0003 condition does not compile", error);
    }
}
