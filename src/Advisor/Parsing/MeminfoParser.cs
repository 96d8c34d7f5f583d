using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>proc/meminfo</c>: <c>MemTotal:       16393164 kB</c>; counters without a unit (HugePages_Total) are kept as printed.</summary>
public static class MeminfoParser
{
    public const string SosPath = "proc/meminfo";

    public static ParseResult<Dictionary<string, Fact<long>>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Dictionary<string, Fact<long>>>(lines) is { } unusable) return unusable;
        var values = new Dictionary<string, Fact<long>>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Numbered())
        {
            var colon = text.IndexOf(':');
            if (colon <= 0) continue;
            var words = text[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 1 or 2 && long.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values.TryAdd(text[..colon].Trim(), Fact<long>.Of(value, lines.EvidenceAt(number)));
            }
        }

        return values.ContainsKey("MemTotal")
            ? ParseResult<Dictionary<string, Fact<long>>>.Ok(values)
            : ParseResult<Dictionary<string, Fact<long>>>.Unusable($"{lines.Path} has no MemTotal line", lines.EvidenceAt(1));
    }
}
