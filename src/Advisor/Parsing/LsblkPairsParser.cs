using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>lsblk -P</c> / <c>lsblk -O -P</c>: one device per line as <c>NAME="sda" MAJ:MIN="8:0" TYPE="disk" …</c>.</summary>
public static partial class LsblkPairsParser
{
    public const string SosPath = "sos_commands/block/lsblk_-O_-P";

    public sealed record Row(Dictionary<string, string> Values, Evidence Source)
    {
        public string Get(string key) => Values.GetValueOrDefault(key) ?? "";
    }

    public static ParseResult<List<Row>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<Row>>(lines) is { } unusable) return unusable;
        var rows = new List<Row>();
        foreach (var (number, text) in lines.Numbered())
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match pair in Pair().Matches(text))
            {
                values[pair.Groups["key"].Value] = Unescape(pair.Groups["value"].Value);
            }

            if (values.ContainsKey("NAME") || values.ContainsKey("KNAME")) rows.Add(new Row(values, lines.EvidenceAt(number)));
        }

        return rows.Count == 0
            ? ParseResult<List<Row>>.Unusable($"{lines.Path} has no NAME=\"…\" pairs", lines.EvidenceAt(1))
            : ParseResult<List<Row>>.Ok(rows);
    }

    /// <summary>lsblk escapes unsafe bytes as <c>\x20</c>.</summary>
    private static string Unescape(string value) =>
        HexEscape().Replace(value, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    [GeneratedRegex(@"(?<key>[A-Z][A-Z0-9:_%-]*)=""(?<value>[^""]*)""")]
    private static partial Regex Pair();

    [GeneratedRegex(@"\\x([0-9a-fA-F]{2})")]
    private static partial Regex HexEscape();
}
