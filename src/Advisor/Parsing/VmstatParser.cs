using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>proc/vmstat</c>: <c>compact_stall 1234</c>, one counter per line.</summary>
public static class VmstatParser
{
    public const string SosPath = "proc/vmstat";

    public static ParseResult<Dictionary<string, Fact<long>>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Dictionary<string, Fact<long>>>(lines) is { } unusable) return unusable;
        var counters = new Dictionary<string, Fact<long>>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Numbered())
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && long.TryParse(words[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                counters.TryAdd(words[0], Fact<long>.Of(value, lines.EvidenceAt(number)));
            }
        }

        return counters.Count == 0
            ? ParseResult<Dictionary<string, Fact<long>>>.Unusable($"{lines.Path} has no 'name value' line", lines.EvidenceAt(1))
            : ParseResult<Dictionary<string, Fact<long>>>.Ok(counters);
    }
}
