using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// Installed packages: <c>dpkg -l</c> (<c>ii  name  version  arch  description</c>, after a <c>+++-</c> ruler),
/// sos's <c>installed-debs</c> (the same), and <c>installed-rpms</c> (<c>name-version-release.arch  date</c>).
/// </summary>
public static class PackageListParser
{
    public const string DpkgPath = "sos_commands/dpkg/dpkg_-l";
    public const string InstalledDebsPath = "installed-debs";
    public const string InstalledRpmsPath = "installed-rpms";

    private static readonly string[] RpmArchitectures = ["x86_64", "noarch", "i686", "i386", "aarch64", "ppc64le", "s390x", "(none)"];

    public static ParseResult<List<InstalledPackage>> ParseDpkg(TextLines lines)
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

    public static ParseResult<List<InstalledPackage>> ParseRpm(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<InstalledPackage>>(lines) is { } unusable) return unusable;
        var packages = new List<InstalledPackage>();
        foreach (var (number, text) in lines.Numbered())
        {
            var nevra = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (nevra is null) continue;
            var architecture = "";
            var dot = nevra.LastIndexOf('.');
            if (dot > 0 && RpmArchitectures.Contains(nevra[(dot + 1)..]))
            {
                architecture = nevra[(dot + 1)..];
                nevra = nevra[..dot];
            }

            // name-version-release: the last two dashes split it (names may hold dashes, versions may not)
            var releaseDash = nevra.LastIndexOf('-');
            var versionDash = releaseDash > 0 ? nevra.LastIndexOf('-', releaseDash - 1) : -1;
            if (versionDash <= 0) continue;
            packages.Add(new InstalledPackage
            {
                Name = nevra[..versionDash],
                Version = Fact<string>.Of(nevra[(versionDash + 1)..], lines.EvidenceAt(number)),
                Architecture = architecture,
                State = "ii",
            });
        }

        return packages.Count == 0
            ? ParseResult<List<InstalledPackage>>.Unusable($"{lines.Path} lists no packages", lines.EvidenceAt(1))
            : ParseResult<List<InstalledPackage>>.Ok(packages);
    }
}
