using Advisor.Bundles;
using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// What every fact builder shares: the bundle's captured files, sos's manifest of command return codes, and the
/// facts being built.
/// </summary>
public sealed class BuildContext
{
    private readonly HashSet<string> warnedFiles = new(StringComparer.Ordinal);

    public BuildContext(BundleContents bundle, HostFacts facts)
    {
        Bundle = bundle;
        Facts = facts;
        if (bundle.Find(SosManifestParser.SosPath) is { } manifest && SosManifestParser.Parse(new TextLines(manifest)) is { IsUsable: true } runs)
        {
            CommandRuns = runs.Value!;
        }
    }

    public BundleContents Bundle { get; }
    public HostFacts Facts { get; }

    /// <summary>sos's record of each command it ran, by output path (empty when the bundle has no manifest).</summary>
    public IReadOnlyDictionary<string, SosManifestParser.CommandRun> CommandRuns { get; } = new Dictionary<string, SosManifestParser.CommandRun>();

    /// <summary>
    /// The captured file at <paramref name="path"/> as lines, or null when the bundle does not hold it. A file cut at the
    /// capture limit, truncated by sos, or written by a command that failed is read, with a warning once per file.
    /// </summary>
    public TextLines? Lines(string path)
    {
        if (Bundle.Find(path) is not { } file) return null;
        if (warnedFiles.Add(path))
        {
            if (file.Truncated) Facts.ParseWarnings.Add($"{path} was cut at the capture limit ({file.Size} bytes); facts from it cover the part read");
            if (CommandRuns.GetValueOrDefault(path) is { } run)
            {
                if (run.ReturnCode != 0) Facts.ParseWarnings.Add($"{path}: '{run.Command}' exited with code {run.ReturnCode} (sos_reports/manifest.json)");
                if (run.Truncated) Facts.ParseWarnings.Add($"{path}: sos truncated the output of '{run.Command}'");
            }
        }

        return new TextLines(file);
    }

    /// <summary>The first of <paramref name="paths"/> the bundle holds.</summary>
    public TextLines? FirstLines(IEnumerable<string> paths) => paths.Select(Lines).FirstOrDefault(l => l is not null);

    /// <summary>Names of a folder's members (following symlinks).</summary>
    public IReadOnlyList<string> Folder(string path) => Bundle.ListFolder(path);

    /// <summary>The parsed value, or null after recording why the input was unusable.</summary>
    public T? Usable<T>(ParseResult<T> result, Action<string>? onUnusable = null)
        where T : class
    {
        if (result.IsUsable) return result.Value;
        var reason = result.UnusableReason!;
        Facts.ParseWarnings.Add(result.Evidence is null ? reason : $"{reason} ({result.Evidence})");
        onUnusable?.Invoke(reason);
        return null;
    }

    /// <summary>A sysfs integer file as a fact: missing when not collected, unusable when not a number.</summary>
    public Fact<int> Int(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseInt(lines) : Fact<int>.Missing($"{path} is not in the bundle");

    public Fact<long> Long(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseLong(lines) : Fact<long>.Missing($"{path} is not in the bundle");

    /// <summary>A sysfs text file's first line as a fact.</summary>
    public Fact<string> Word(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseWord(lines) : Fact<string>.Missing($"{path} is not in the bundle");
}
