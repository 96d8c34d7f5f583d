namespace Advisor.Knowledge;

/// <summary>A kb article: its front matter and the Markdown of each section the report reuses.</summary>
public sealed class KbArticle
{
    public static readonly string[] RequiredSections = ["Summary", "Impact", "Evidence", "Workaround", "Fix"];

    public required Advisory Advisory { get; init; }
    public required string SourcePath { get; init; }
    public required IReadOnlyDictionary<string, string> Sections { get; init; }

    public string Section(string name) => Sections.TryGetValue(name, out var text) ? text : "";
}
