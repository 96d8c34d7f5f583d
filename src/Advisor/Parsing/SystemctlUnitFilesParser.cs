using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>systemctl list-unit-files</c>: <c>UNIT FILE  STATE  [VENDOR PRESET]</c>.</summary>
public static class SystemctlUnitFilesParser
{
    public const string SosPath = "sos_commands/systemd/systemctl_list-unit-files";

    public static ParseResult<List<SystemdUnitFile>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<SystemdUnitFile>>(lines) is { } unusable) return unusable;
        var files = new List<SystemdUnitFile>();
        foreach (var (number, text) in lines.Numbered())
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[0] == "UNIT" || !words[0].Contains('.', StringComparison.Ordinal)) continue;
            files.Add(new SystemdUnitFile { Name = words[0], State = Fact<string>.Of(words[1], lines.EvidenceAt(number)) });
        }

        return files.Count == 0
            ? ParseResult<List<SystemdUnitFile>>.Unusable($"{lines.Path} lists no unit files", lines.EvidenceAt(1))
            : ParseResult<List<SystemdUnitFile>>.Ok(files);
    }
}
