using System.Text;
using System.Text.RegularExpressions;

namespace Advisor.Reporting;

/// <summary>
/// Puts bundle text into Markdown without letting it add structure, HTML or links: the characters that can
/// open emphasis, code, links, HTML, entities or table cells are backslash-escaped and line breaks become spaces.
/// The text always lands mid-line, so line-start syntax (lists, headings) cannot trigger.
/// </summary>
public static partial class MarkdownText
{
    private const string Special = "\\`*_[]<>|~&#!{}";

    /// <summary>Text for a paragraph, list item or table cell.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (Special.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>An inline code span wide enough for any backticks inside (not for table cells: see <see cref="CellCode"/>).</summary>
    public static string Code(string? text)
    {
        var value = OneLine(text ?? "");
        var longestRun = BacktickRuns().Matches(value).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', longestRun + 1);
        var pad = value.StartsWith('`') || value.EndsWith('`') || value.Length == 0 ? " " : "";
        return fence + pad + value + pad + fence;
    }

    /// <summary>
    /// Code for a table cell. A pipe inside a code span splits a GFM table cell, and its escape <c>\|</c> is shown
    /// literally by other renderers (Markdig among them), so text with a pipe is written as escaped plain text.
    /// </summary>
    public static string CellCode(string? text) => text?.Contains('|') == true ? Escape(text) : Code(text);

    /// <summary>Control characters and line breaks folded into spaces, so a value stays on one line.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return builder.ToString();
    }

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRuns();
}
