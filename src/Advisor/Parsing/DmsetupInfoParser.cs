using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>dmsetup info -c</c> (or <c>-C</c>): <c>Name Maj Min Stat Open Targ Event UUID</c> columns.</summary>
public static class DmsetupInfoParser
{
    public const string SosPath = "sos_commands/devicemapper/dmsetup_info_-c";

    public sealed record Row(string Name, Fact<string> MajorMinor, Fact<int> OpenCount, Fact<string> Uuid);

    public static ParseResult<List<Row>> Parse(TextLines lines)
    {
        var rows = new List<Row>();
        if (lines.IsBlank || lines.Numbered().Any(l => l.Text.Trim() == "No devices found")) return ParseResult<List<Row>>.Ok(rows);
        if (CommandErrorText.CheckUsable<List<Row>>(lines) is { } unusable) return unusable;
        var header = lines.Numbered().FirstOrDefault(l => l.Text.TrimStart().StartsWith("Name", StringComparison.Ordinal));
        if (header.Text is null)
        {
            return ParseResult<List<Row>>.Unusable($"{lines.Path} has no 'Name Maj Min' header", lines.EvidenceAt(1));
        }

        var columns = header.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int Column(string name) => Array.IndexOf(columns, name);
        var (maj, min, open, uuid) = (Column("Maj"), Column("Min"), Column("Open"), Column("UUID"));
        foreach (var (number, text) in lines.Numbered().Where(l => l.Number > header.Number))
        {
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || maj < 0 || min < 0 || fields.Length <= Math.Max(maj, min)) continue;
            var evidence = lines.EvidenceAt(number);
            rows.Add(new Row(
                fields[0],
                Fact<string>.Of($"{fields[maj]}:{fields[min]}", evidence),
                open >= 0 && fields.Length > open && int.TryParse(fields[open], CultureInfo.InvariantCulture, out var count)
                    ? Fact<int>.Of(count, evidence) : Fact<int>.Missing("no Open column"),
                uuid >= 0 && fields.Length > uuid ? Fact<string>.Of(fields[uuid], evidence) : Fact<string>.Missing("no UUID")));
        }

        return ParseResult<List<Row>>.Ok(rows);
    }
}
