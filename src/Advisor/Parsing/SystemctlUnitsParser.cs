using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>systemctl list-units</c>: <c>UNIT LOAD ACTIVE SUB DESCRIPTION</c>, failed units marked <c>●</c>; the legend is skipped.</summary>
public static class SystemctlUnitsParser
{
    public const string SosPath = "sos_commands/systemd/systemctl_list-units";

    public static ParseResult<List<SystemdUnit>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<SystemdUnit>>(lines) is { } unusable) return unusable;
        var units = new List<SystemdUnit>();
        foreach (var (number, text) in lines.Numbered())
        {
            var words = text.Replace('●', ' ').Replace('*', ' ').Split((char[]?)null, 5, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 4 || words[0] == "UNIT" || !words[0].Contains('.', StringComparison.Ordinal)) continue;
            if (words[1] is not ("loaded" or "not-found" or "masked" or "error" or "bad-setting" or "stub" or "merged")) continue;
            units.Add(new SystemdUnit
            {
                Name = words[0],
                Load = words[1],
                Active = words[2],
                Sub = words[3],
                Description = words.Length > 4 ? words[4].Trim() : "",
                Source = lines.EvidenceAt(number),
            });
        }

        return units.Count == 0
            ? ParseResult<List<SystemdUnit>>.Unusable($"{lines.Path} lists no units", lines.EvidenceAt(1))
            : ParseResult<List<SystemdUnit>>.Ok(units);
    }
}
