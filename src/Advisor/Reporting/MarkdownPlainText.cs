using System.Text.RegularExpressions;
using Markdig;

namespace Advisor.Reporting;

/// <summary>Trusted kb Markdown as one line of plain text (Markdig's plain-text renderer), for SARIF descriptions.</summary>
public static partial class MarkdownPlainText
{
    public static string Of(string markdown) => Whitespace().Replace(Markdown.ToPlainText(markdown), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
