using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>dpkg -l</c> and sos's <c>installed-debs</c>: <c>ii  name  version  arch  description</c> after a <c>+++-</c> ruler.</summary>
public static class DpkgListParser
{
    public const string SosPath = "sos_commands/dpkg/dpkg_-l";
    public const string InstalledDebsPath = "installed-debs";

    public static ParseResult<List<InstalledPackage>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<InstalledPackage>>(lines) is { } unusable) return unusable;
        var packages = new List<InstalledPackage>();
        foreach (var (number, text) in lines.Numbered())
        {
            var fields = text.Split((char[]?)null, 5, StringSplitOptions.RemoveEmptyEntries);
            // state (ii, rc, hi, iU…), name, version, [arch]
            if (fields.Length < 3 || fields[0].Length is < 2 or > 3 || !char.IsAsciiLetterLower(fields[0][0]) || fields[0].Contains('|')) continue;
            if (fields[0] is "un" && fields[2] == "<none>") continue;
            var name = fields[1];
            var colon = name.IndexOf(':');
            var architecture = fields.Length > 3 ? fields[3] : "";
            if (colon > 0)
            {
                architecture = name[(colon + 1)..];
                name = name[..colon];
            }

            packages.Add(new InstalledPackage
            {
                Name = name,
                Version = Fact<string>.Of(fields[2], lines.EvidenceAt(number)),
                Architecture = architecture,
                State = fields[0],
            });
        }

        return packages.Count == 0
            ? ParseResult<List<InstalledPackage>>.Unusable($"{lines.Path} lists no packages", lines.EvidenceAt(1))
            : ParseResult<List<InstalledPackage>>.Ok(packages);
    }
}
