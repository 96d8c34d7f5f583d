using Advisor.Knowledge;
using Advisor.Rules;
using Advisor.Tests.Support;

namespace Advisor.Tests.Rules;

/// <summary>Loading the knowledge base without the JSON Schema (as an ingest does) still refuses a broken rule file.</summary>
public sealed class RuleSetTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_shipped_rules_load_with_and_without_the_schema_to_the_same_rule_set()
    {
        var loaded = RuleSet.LoadFrom(TestPaths.RepositoryRoot);
        var validated = RuleSet.ValidateFrom(TestPaths.RepositoryRoot);

        Assert.Equal(validated.Version, loaded.Version);
        Assert.Equal(validated.Rules.Select(r => r.Id), loaded.Rules.Select(r => r.Id));
        Assert.Equal(21, loaded.Rules.Count);
    }

    [Fact]
    public void A_misspelt_property_is_an_error_with_its_file_and_line()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var file = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        var text = File.ReadAllText(file).Replace("\"condition\":", "\"conditon\":");
        File.WriteAllText(file, text);
        var line = text[..text.IndexOf("\"conditon\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<KnowledgeBaseException>(() => RuleSet.LoadFrom(root));

        Assert.Contains($"ADV0003-slow-clocksource.json:{line}:", error.Message);
        Assert.Contains("conditon", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error_with_its_file()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var file = Path.Combine(root, "rules", "ADV0001-nvme-nomerges.json");
        var text = File.ReadAllText(file);
        var evidence = text.IndexOf("\"evidence\": [", StringComparison.Ordinal);
        var end = text.IndexOf(']', evidence);
        File.WriteAllText(file, text[..evidence] + "\"evidence\": 7" + text[(end + 1)..]);
        var line = text[..evidence].Count(c => c == '\n') + 1;

        var error = Assert.Throws<KnowledgeBaseException>(() => RuleSet.LoadFrom(root));

        Assert.Contains($"ADV0001-nvme-nomerges.json:{line}:", error.Message);
        Assert.Contains("$.evidence", error.Message);
    }

    [Fact]
    public void A_value_expression_that_does_not_parse_fails_validation_and_is_left_to_its_first_use_on_load()
    {
        var root = KnowledgeBaseCopy.Create(temp);
        var file = Path.Combine(root, "rules", "ADV0003-slow-clocksource.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"current\": \"host.Clocksource.Current\"", "\"current\": \"host.Clocksource.NoSuchFact\""));

        var error = Assert.Throws<KnowledgeBaseException>(() => RuleSet.ValidateFrom(root));
        var loaded = RuleSet.LoadFrom(root);

        Assert.Contains("ADV0003-slow-clocksource.json:1: argument current 'host.Clocksource.NoSuchFact' does not compile", error.Message);
        Assert.Contains(loaded.Rules, r => r.Id == "ADV0003");
    }
}
