using System.Formats.Tar;
using System.Text;
using Advisor.Bundles;
using Advisor.Facts;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Advisor.Rules.Testing;

/// <summary>
/// Runs <c>rules/tests/*.yaml</c>: each case is written as a real tar archive, read by the bundle reader, turned
/// into facts and evaluated by the rule engine, exactly as <c>advisor ingest</c> does.
/// </summary>
public sealed class RuleTestRunner(RuleSet ruleSet, string testsFolder)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
    private readonly RuleEvaluator evaluator = new(ruleSet);

    public IReadOnlyList<RuleTestFile> LoadFiles()
    {
        var files = new List<RuleTestFile>();
        if (!Directory.Exists(testsFolder)) return files;
        foreach (var path in Directory.EnumerateFiles(testsFolder, "ADV*.yaml").Order(StringComparer.Ordinal))
        {
            var file = Yaml.Deserialize<RuleTestFile>(File.ReadAllText(path)) ?? new RuleTestFile();
            file.SourcePath = Path.Combine("rules", "tests", Path.GetFileName(path));
            files.Add(file);
        }

        return files;
    }

    public IEnumerable<RuleTestOutcome> RunAll(string? ruleId = null)
    {
        foreach (var file in LoadFiles().Where(f => ruleId is null || f.Rule == ruleId))
        {
            foreach (var testCase in file.Cases)
            {
                yield return Run(file, testCase);
            }
        }
    }

    public RuleTestOutcome Run(RuleTestFile file, RuleTestCase testCase)
    {
        var failures = new List<string>();
        if (ruleSet.Rules.All(r => r.Id != file.Rule))
        {
            return new RuleTestOutcome(file.Rule, testCase.Name, file.SourcePath, [$"no rule {file.Rule} in the rule set"]);
        }

        var facts = BuildFacts(file, testCase);
        var analysis = evaluator.Evaluate(facts);
        failures.AddRange(analysis.Diagnostics.Where(d => d.Id == Diagnostics.InternalDiagnostics.RuleFailedId).Select(d => d.Message));
        var actual = analysis.Diagnostics.Where(d => d.Id == file.Rule).ToList();
        foreach (var expected in testCase.Expect)
        {
            var match = actual.FirstOrDefault(d => d.Instance == expected.Instance);
            if (match is null)
            {
                failures.Add($"expected {file.Rule} on '{expected.Instance}', not raised");
                continue;
            }

            foreach (var (name, value) in expected.Arguments)
            {
                if (!match.Arguments.TryGetValue(name, out var actualValue) || actualValue != value)
                {
                    failures.Add($"argument {name}: expected '{value}', got '{actualValue}'");
                }
            }

            var location = match.Evidence.FirstOrDefault() is { } first ? $"{first.Path}:{first.Line}" : "(none)";
            if (expected.Location is not null && expected.Location != location)
            {
                failures.Add($"location: expected {expected.Location}, got {location}");
            }
        }

        foreach (var unexpected in actual.Where(d => testCase.Expect.All(e => e.Instance != d.Instance)))
        {
            failures.Add($"unexpected {file.Rule} on '{unexpected.Instance}': {unexpected.Message}");
        }

        var notEvaluated = analysis.NotEvaluated.Where(n => n.Id == file.Rule).Select(n => n.Instance).ToList();
        foreach (var instance in testCase.NotEvaluated.Where(i => !notEvaluated.Contains(i)))
        {
            failures.Add($"expected {file.Rule} not evaluated on '{instance}'");
        }

        return new RuleTestOutcome(file.Rule, testCase.Name, file.SourcePath, failures);
    }

    private HostFacts BuildFacts(RuleTestFile file, RuleTestCase testCase)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Base is { } baseName)
        {
            var basePath = Path.Combine(testsFolder, "bases", baseName + ".yaml");
            var testBase = Yaml.Deserialize<RuleTestBase>(File.ReadAllText(basePath)) ?? new RuleTestBase();
            foreach (var (path, text) in testBase.Files) files[path] = text;
            foreach (var (path, target) in testBase.Links) links[path] = target;
        }

        foreach (var (path, text) in testCase.Files)
        {
            if (text is null) files.Remove(path);
            else files[path] = text;
        }

        foreach (var (path, target) in testCase.Links) links[path] = target;

        var archive = Path.Combine(Path.GetTempPath(), $"advisor-rule-test-{Guid.NewGuid():N}.tar");
        try
        {
            WriteTar(archive, files, links);
            var reader = new BundleReader(HostFactsBuilder.Wanted, new BundleLimits());
            return HostFactsBuilder.Build(reader.Read(archive, out _));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static void WriteTar(string path, Dictionary<string, string> files, Dictionary<string, string> links)
    {
        const string top = "sosreport-ruletest-2026-01-01-aaaaaa/";
        using var stream = File.Create(path);
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, top));
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, top + name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }

        foreach (var (name, target) in links.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, top + name) { LinkName = target });
        }
    }
}
