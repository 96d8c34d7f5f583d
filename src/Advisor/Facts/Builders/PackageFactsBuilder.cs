using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>Installed packages: dpkg -l, else sos's installed-debs, else installed-rpms.</summary>
public static class PackageFactsBuilder
{
    public static readonly string[] Globs = [DpkgListParser.SosPath, DpkgListParser.InstalledDebsPath, RpmListParser.SosPath];

    public static void Build(BuildContext context)
    {
        var packages = context.Facts.Packages;
        foreach (var (path, format) in new[] { (DpkgListParser.SosPath, "deb"), (DpkgListParser.InstalledDebsPath, "deb"), (RpmListParser.SosPath, "rpm") })
        {
            if (context.Lines(path) is not { } lines) continue;
            var parsed = format == "deb" ? DpkgListParser.Parse(lines) : RpmListParser.Parse(lines);
            if (context.Usable(parsed, r => packages.Format = Fact<string>.Unusable(r)) is { } installed)
            {
                packages.Installed = installed;
                packages.Format = Fact<string>.Of(format, installed[0].Version.Source!);
                return;
            }
        }
    }
}
