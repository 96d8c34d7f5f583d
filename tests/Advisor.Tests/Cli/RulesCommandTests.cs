using Advisor.Cli;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

/// <summary><c>advisor rules …</c> on the shipped knowledge base and on broken copies of it.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void List_shows_every_rule_with_its_severity_and_scope()
    {
        var result = CliRunner.Run(temp.FullPath, "rules", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADV0001", result.Out);
        Assert.Contains("blockDevice", result.Out);
        Assert.Contains("ADV0003", result.Out);
    }

    [Fact]
    public void Validate_accepts_the_repository_knowledge_base()
    {
        var result = CliRunner.Run(temp.FullPath, "rules", "validate", TestPaths.RepositoryRoot);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("are valid", result.Out);
    }

    [Fact]
    public void Validate_reports_a_schema_violation_with_file_and_line()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var file = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"defaultSeverity\": \"warning\"", "\"defaultSeverity\": \"loud\""));

        var result = CliRunner.Run(temp.FullPath, "rules", "validate", root);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Matches(@"rules/ADV0003-slow-clocksource\.json:\d+: .*defaultSeverity", result.Out);
    }

    [Fact]
    public void Validate_reports_an_expression_that_does_not_compile()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var file = Path.Combine(root, "rules", "ADV0001-nvme-nomerges.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("device.Queue.Nomerges.Value == 2", "device.Queue.NoSuchThing == 2"));

        var result = CliRunner.Run(temp.FullPath, "rules", "validate", root);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("rules/ADV0001-nvme-nomerges.json:1: ADV0001 condition does not compile", result.Out);
    }

    [Fact]
    public void Validate_reports_an_article_without_a_rule_and_a_rule_without_an_article()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        File.WriteAllText(Path.Combine(root, "kb", "ADV0042.md"), File.ReadAllText(Path.Combine(root, "kb", "ADV0002.md")).Replace("ADV0002", "ADV0042"));
        File.Delete(Path.Combine(root, "kb", "ADV0003.md"));

        var result = CliRunner.Run(temp.FullPath, "rules", "validate", root);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("rules/ADV0003-slow-clocksource.json:1: rule ADV0003 has no kb article", result.Out);
        Assert.Contains("kb/ADV0042.md:1: article ADV0042 has no rule", result.Out);
    }

    [Fact]
    public void Test_runs_every_case_and_fails_when_an_expectation_is_wrong()
    {
        var passing = CliRunner.Run(temp.FullPath, "rules", "test", TestPaths.RepositoryRoot);
        Assert.Equal(0, passing.ExitCode);
        Assert.Matches(@"\d+ passed, 0 failed", passing.Out);

        var root = KnowledgeBaseCopy.Create(temp);
        var cases = Path.Combine(root, "rules", "tests", "ADV0001.yaml");
        File.WriteAllText(cases, File.ReadAllText(cases).Replace("location: sys/block/nvme1n1/queue/nomerges:1", "location: sys/block/nvme1n1/queue/nomerges:9"));

        var failing = CliRunner.Run(temp.FullPath, "rules", "test", root, "--rule", "ADV0001");

        Assert.Equal(ExitCodes.FindingsAtThreshold, failing.ExitCode);
        Assert.Contains("FAIL ADV0001 Ubuntu AWS kernel before the fix", failing.Out);
        Assert.Contains("location: expected sys/block/nvme1n1/queue/nomerges:9, got sys/block/nvme1n1/queue/nomerges:1", failing.Out);
    }

    [Fact]
    public void Explain_shows_the_rule_and_its_article()
    {
        var result = CliRunner.Run(temp.FullPath, "rules", "explain", "ADV0001");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("condition:  device.Queue.Nomerges.Value == 2", result.Out);
        Assert.Contains("## Workaround", result.Out);
    }

    [Fact]
    public void Explain_of_an_unknown_id_exits_2()
    {
        var result = CliRunner.Run(temp.FullPath, "rules", "explain", "ADV0999");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no rule ADV0999", result.Error);
    }
}
