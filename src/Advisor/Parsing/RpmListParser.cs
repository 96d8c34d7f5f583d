using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>sos's <c>installed-rpms</c>: <c>name-version-release.arch  install date</c>, one package per line.</summary>
public static class RpmListParser
{
    public const string SosPath = "installed-rpms";

    private static readonly string[] Architectures = ["x86_64", "noarch", "i686", "i386", "aarch64", "ppc64le", "s390x", "(none)"];

    public static ParseResult<List<InstalledPackage>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<InstalledPackage>>(lines) is { } unusable) return unusable;
        var packages = new List<InstalledPackage>();
        foreach (var (number, text) in lines.Numbered())
        {
            var nevra = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (nevra is null) continue;
            var architecture = "";
            var dot = nevra.LastIndexOf('.');
            if (dot > 0 && Architectures.Contains(nevra[(dot + 1)..]))
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
