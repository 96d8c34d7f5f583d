using Advisor.Rules;
using Advisor.Rules.Testing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Rules;

/// <summary>Runs every case of <c>rules/tests/*.yaml</c>: each a real tar bundle through the whole pipeline.</summary>
public sealed class RuleCaseTests
{
    private static readonly Lazy<RuleSet> Rules = new(() => RuleSet.LoadFrom(TestPaths.RepositoryRoot));

    private static RuleTestRunner Runner => new(Rules.Value, TestPaths.InRepository("rules/tests"));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Runner.LoadFiles())
        {
            foreach (var testCase in file.Cases)
            {
                data.Add(file.Rule, testCase.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_case_behaves_as_stated(string rule, string caseName)
    {
        var runner = Runner;
        var file = runner.LoadFiles().Single(f => f.Rule == rule);
        var outcome = runner.Run(file, file.Cases.Single(c => c.Name == caseName));

        Assert.True(outcome.Passed, outcome.ToString());
    }

    [Fact]
    public void Every_rule_has_a_case_that_raises_it_and_a_near_miss_that_does_not()
    {
        var files = Runner.LoadFiles();
        foreach (var rule in Rules.Value.Rules)
        {
            var file = files.SingleOrDefault(f => f.Rule == rule.Id);
            Assert.True(file is not null, $"{rule.Id} has no rules/tests/{rule.Id}.yaml");
            Assert.True(file.Cases.Any(c => c.Expect.Count > 0), $"{rule.Id} has no case that must raise it");
            Assert.True(file.Cases.Any(c => c.Expect.Count == 0 && c.NotEvaluated.Count == 0), $"{rule.Id} has no near miss");
        }
    }

    [Fact]
    public void A_wrong_expectation_is_reported_as_a_failure()
    {
        var runner = Runner;
        var file = runner.LoadFiles().Single(f => f.Rule == "ADV0001");
        var positive = file.Cases.First(c => c.Expect.Count > 0);
        var wrong = new RuleTestCase
        {
            Name = "wrong on purpose",
            Files = positive.Files,
            Expect = [new ExpectedFinding { Instance = "nvme1n1", Arguments = new() { ["nomerges"] = "7" }, Location = "x:1" }],
        };

        var outcome = runner.Run(file, wrong);

        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Failures, f => f.Contains("argument nomerges: expected '7', got '2'"));
        Assert.Contains(outcome.Failures, f => f.Contains("location: expected x:1, got sys/block/nvme1n1/queue/nomerges:1"));
    }
}
