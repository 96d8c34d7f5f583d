using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// Lines of <c>KEY=value</c> (os-release, lsb-release; values may be quoted) or <c>Key: value</c>
/// (lscpu, lsb_release -a). Keys keep their case; indentation (lscpu's hierarchical format) is ignored.
/// </summary>
public static class KeyValueParser
{
    public static Dictionary<string, Fact<string>> ParseAssignments(TextLines lines) => Parse(lines, '=');

    public static Dictionary<string, Fact<string>> ParseColonPairs(TextLines lines) => Parse(lines, ':');

    private static Dictionary<string, Fact<string>> Parse(TextLines lines, char separator)
    {
        var result = new Dictionary<string, Fact<string>>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Numbered())
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var at = trimmed.IndexOf(separator);
            if (at <= 0) continue;
            var key = trimmed[..at].Trim();
            var value = Unquote(trimmed[(at + 1)..].Trim());
            result.TryAdd(key, Fact<string>.Of(value, lines.EvidenceAt(number)));
        }

        return result;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            return value[1..^1].Replace("\\\"", "\"");
        }

        return value;
    }
}
