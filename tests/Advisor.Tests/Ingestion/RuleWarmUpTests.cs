using Advisor.Cli;
using Advisor.Configuration;
using Advisor.Ingestion;
using Advisor.Rules;

namespace Advisor.Tests.Ingestion;

public sealed class RuleWarmUpTests
{
    [Fact]
    public void The_made_up_host_gives_every_rule_scope_an_instance_so_every_rule_compiles()
    {
        var facts = RuleWarmUp.Facts();

        foreach (var scope in RuleScopes.All.Values)
        {
            Assert.NotEmpty(scope.Instances(facts));
        }

        Assert.Equal("4.4.0-1087-aws", facts.Kernel.Release.Value);
        Assert.Equal(2, facts.BlockDevices.Single().Queue.Nomerges.Value);
    }

    [Fact]
    public void Compiling_the_shipped_rules_on_it_reports_no_rule_failure()
    {
        var ingestor = new Ingestor(KnowledgeLocation.LoadShipped(), new AdvisorSettings());

        ingestor.CompileRules();
        var analysis = ingestor.Analyze(RuleWarmUp.Facts());

        Assert.Equal(ingestor.RuleSet.Rules.Count, analysis.RulesRun);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Id == Advisor.Diagnostics.InternalDiagnostics.RuleFailedId);
    }
}
