namespace Advisor.Cli;

/// <summary>
/// Names each bundle's report in <c>--output-dir</c>: the bundle's name without its archive extension plus the
/// report format's extension (<c>sosreport-web01-….tar.xz</c> → <c>sosreport-web01-….md</c>); a name taken
/// by an earlier bundle of the batch gets <c>-2</c>, <c>-3</c>….
/// </summary>
public static class ReportFileNames
{
    private static readonly string[] ArchiveExtensions =
        [".tar.xz", ".tar.gz", ".tar.bz2", ".tar.zst", ".tar.zstd", ".txz", ".tgz", ".tbz2", ".tzst", ".tar", ".xz", ".gz", ".bz2", ".zst"];

    public static IReadOnlyList<string> For(IReadOnlyList<string> bundlePaths, string format, string outputDirectory)
    {
        var extension = format switch
        {
            "html" => ".html",
            "json" => ".json",
            _ => ".md",
        };
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(bundlePaths.Count);
        foreach (var bundle in bundlePaths)
        {
            var stem = StemOf(bundle);
            var name = stem + extension;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{stem}-{n}{extension}";
            }

            names.Add(Path.Combine(outputDirectory, name));
        }

        return names;
    }

    private static string StemOf(string bundlePath)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(bundlePath));
        foreach (var extension in ArchiveExtensions)
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name.Length == 0 ? "bundle" : name;
    }
}
