using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Advisor.Knowledge;
using NJsonSchema;

namespace Advisor.Rules;

/// <summary>
/// The rules of <c>rules/*.json</c> with their kb articles. Loading checks what running them needs: each file is
/// read strictly (an unknown or misspelt property is an error with its line), every rule has a known scope, an
/// article and every article a rule (by file name). Articles and value expressions are parsed when a finding or an
/// evaluation first needs them; one that does not parse then fails its rule (ADV9999). The JSON Schema (<c>rules.schema.json</c>) is checked too by
/// <see cref="ValidateFrom"/> (<c>advisor rules validate</c>, and the tests on every commit), which also parses every
/// article and every value expression up front; an ingest, which loads the shipped rules, does not repeat that:
/// loading the schema validator alone costs 0.1 s of a 0.5 s ingest.
/// </summary>
public sealed class RuleSet
{

    private RuleSet(IReadOnlyList<CompiledRule> compiled, KbArticles articles, string version)
    {
        Compiled = compiled;
        Rules = compiled.Select(c => c.Definition).ToList();
        Articles = articles;
        Version = version;
    }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The rules with their value expressions compiled, in file order.</summary>
    public IReadOnlyList<CompiledRule> Compiled { get; }
    /// <summary>The articles by rule id, each parsed when first asked for.</summary>
    public KbArticles Articles { get; }

    /// <summary>A short hash of every rule file and article: findings record which knowledge produced them.</summary>
    public string Version { get; }

    public KbArticle ArticleFor(string id) => Articles[id];

    /// <summary>Loads <c>rules/</c> and <c>kb/</c> from one folder (the repository or the installed tool).</summary>
    public static RuleSet LoadFrom(string root) =>
        Load(Path.Combine(root, "rules"), Path.Combine(root, "kb"), schemaPath: null);

    /// <summary>Loads <c>rules/</c> and <c>kb/</c> from one folder, checking every rule file against its <c>rules.schema.json</c> too.</summary>
    public static RuleSet ValidateFrom(string root) =>
        Load(Path.Combine(root, "rules"), Path.Combine(root, "kb"), Path.Combine(root, "rules.schema.json"));

    /// <summary>
    /// Loads, checking each rule file against the schema when <paramref name="schemaPath"/> is given; throws
    /// <see cref="KnowledgeBaseException"/> listing every problem as <c>file:line: message</c>.
    /// </summary>
    public static RuleSet Load(string rulesFolder, string kbFolder, string? schemaPath)
    {
        var problems = new List<string>();
        var schema = schemaPath is null ? null : JsonSchema.FromFileAsync(schemaPath).GetAwaiter().GetResult();
        var rules = new List<RuleDefinition>();
        var compiled = new List<CompiledRule>();
        using var versionHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(rulesFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            versionHash.AppendData(Encoding.UTF8.GetBytes(text));
            var relative = Path.Combine(Path.GetFileName(rulesFolder), Path.GetFileName(file));
            var errors = schema?.Validate(text) ?? [];
            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(e => $"{relative}:{e.LineNumber}: {e.Path}: {e.Kind}"));
                continue;
            }

            RuleDefinition rule;
            try
            {
                rule = JsonSerializer.Deserialize(text, RuleJsonContext.Default.RuleDefinition)
                    ?? throw new JsonException("the file holds null, not a rule", null, 1, 0);
            }
            catch (JsonException e)
            {
                problems.Add($"{relative}:{(e.LineNumber ?? 0) + 1}: {e.Message}");
                continue;
            }

            rule.SourcePath = relative;
            problems.AddRange(RuleValidator.Check(rule));
            rules.Add(rule);
            if (CompiledRule.TryCompile(rule, problems, parseNow: schema is not null) is { } ready) compiled.Add(ready);
        }

        var articles = new KbArticles();
        foreach (var file in Directory.EnumerateFiles(kbFolder, "ADV*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            versionHash.AppendData(Encoding.UTF8.GetBytes(text));
            var relative = Path.Combine(Path.GetFileName(kbFolder), Path.GetFileName(file));
            var id = Path.GetFileNameWithoutExtension(file);
            articles.Add(id, relative, text);
            if (schema is null) continue;

            // validating: every article is parsed now, not when a finding needs it
            try
            {
                if (articles[id].Advisory.Id != id)
                {
                    problems.Add($"{relative}:1: the file name does not match its id {articles[id].Advisory.Id}");
                }
            }
            catch (KnowledgeBaseException e)
            {
                problems.Add(e.Message);
            }
        }

        foreach (var duplicate in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Last().SourcePath}:1: rule id {duplicate.Key} is used by {string.Join(", ", duplicate.Select(r => r.SourcePath))}");
        }

        foreach (var rule in rules.Where(r => !articles.ContainsKey(r.Id)))
        {
            problems.Add($"{rule.SourcePath}:1: rule {rule.Id} has no kb article (kb/{rule.Id}.md)");
        }

        foreach (var id in articles.Keys.Where(id => rules.All(r => r.Id != id)))
        {
            problems.Add($"{Path.Combine(Path.GetFileName(kbFolder), id + ".md")}:1: article {id} has no rule");
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeBaseException(string.Join(Environment.NewLine, problems));
        }

        var version = Convert.ToHexStringLower(versionHash.GetHashAndReset())[..12];
        return new RuleSet(compiled, articles, version);
    }
}
