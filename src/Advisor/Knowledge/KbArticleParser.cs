using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Advisor.Knowledge;

/// <summary>Reads <c>kb/ADVnnnn.md</c>: YAML front matter, then level-2 sections (Summary, Impact, Evidence, Workaround, Fix).</summary>
public static class KbArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static KbArticle Parse(string path, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new KnowledgeBaseException($"{path}:1: the article has no YAML front matter");
        var yaml = string.Join('\n', frontMatter.Lines.Lines.Take(frontMatter.Lines.Count).Select(l => l.ToString()));
        Advisory advisory;
        try
        {
            advisory = Yaml.Deserialize<Advisory>(yaml) ?? throw new KnowledgeBaseException($"{path}:1: the front matter is empty");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KnowledgeBaseException($"{path}:{e.Start.Line + 1}: front matter: {e.Message}");
        }

        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headings.Count; i++)
        {
            var title = markdown.Substring(headings[i].Span.Start, headings[i].Span.Length).TrimStart('#').Trim();
            var start = headings[i].Span.End + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            sections[title] = start < end ? markdown[start..end].Trim() : "";
        }

        var missing = KbArticle.RequiredSections.Where(s => !sections.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new KnowledgeBaseException($"{path}:1: the article lacks the section(s) {string.Join(", ", missing)}");
        }

        return new KbArticle { Advisory = advisory, SourcePath = path, Sections = sections };
    }
}
