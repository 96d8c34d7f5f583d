using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>dmidecode</c>: records introduced by <c>Handle 0x…, DMI type N, …</c>, a title line, then tab-indented
/// <c>Key: value</c> pairs.
/// </summary>
public static class DmidecodeParser
{
    public const string SosPath = "sos_commands/hardware/dmidecode";

    public sealed class Record
    {
        public int Type { get; init; }
        public string Title { get; set; } = "";
        public Dictionary<string, Fact<string>> Values { get; } = new(StringComparer.Ordinal);
    }

    public static ParseResult<List<Record>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<Record>>(lines) is { } unusable) return unusable;
        var records = new List<Record>();
        Record? current = null;
        var expectTitle = false;
        foreach (var (number, text) in lines.Numbered())
        {
            if (text.StartsWith("Handle ", StringComparison.Ordinal))
            {
                var typeAt = text.IndexOf("DMI type ", StringComparison.Ordinal);
                var type = -1;
                if (typeAt >= 0)
                {
                    var digits = new string(text[(typeAt + 9)..].TakeWhile(char.IsDigit).ToArray());
                    _ = int.TryParse(digits, out type);
                }

                current = new Record { Type = type };
                records.Add(current);
                expectTitle = true;
                continue;
            }

            if (current is null || string.IsNullOrWhiteSpace(text)) continue;
            if (expectTitle)
            {
                current.Title = text.Trim();
                expectTitle = false;
                continue;
            }

            // only first-level pairs ("\tKey: value"); deeper lists ("\t\tvalue") are skipped
            if (text.StartsWith('\t') && !text.StartsWith("\t\t", StringComparison.Ordinal))
            {
                var colon = text.IndexOf(':');
                if (colon > 0)
                {
                    current.Values.TryAdd(text[..colon].Trim(), Fact<string>.Of(text[(colon + 1)..].Trim(), lines.EvidenceAt(number)));
                }
            }
        }

        if (records.Count == 0)
        {
            return ParseResult<List<Record>>.Unusable($"{lines.Path} holds no DMI records", lines.EvidenceAt(1));
        }

        return ParseResult<List<Record>>.Ok(records);
    }
}
