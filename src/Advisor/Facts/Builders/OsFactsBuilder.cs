using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>The distribution: os-release, else lsb-release; and etc/redhat-release.</summary>
public static class OsFactsBuilder
{
    public const string RedHatReleasePath = "etc/redhat-release";

    public static readonly string[] Globs =
    [
        OsReleaseParser.OsReleasePath, "usr/lib/os-release", OsReleaseParser.LsbReleasePath, OsReleaseParser.LsbReleaseCommandPath, RedHatReleasePath,
    ];

    public static void Build(BuildContext context)
    {
        context.Facts.Os = Read(context) ?? context.Facts.Os;
        if (context.Lines(RedHatReleasePath) is { } redhat)
        {
            context.Facts.Os.RedHatRelease = SysfsValueParser.ParseWord(redhat);
        }
    }

    private static OsFacts? Read(BuildContext context)
    {
        foreach (var path in new[] { OsReleaseParser.OsReleasePath, "usr/lib/os-release" })
        {
            if (context.Lines(path) is { } lines && context.Usable(OsReleaseParser.ParseOsRelease(lines)) is { } os) return os;
        }

        foreach (var path in new[] { OsReleaseParser.LsbReleasePath, OsReleaseParser.LsbReleaseCommandPath })
        {
            if (context.Lines(path) is { } lines && context.Usable(OsReleaseParser.ParseLsbRelease(lines)) is { } os) return os;
        }

        return null;
    }
}
