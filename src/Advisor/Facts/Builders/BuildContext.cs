using System.Globalization;
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
    }

    public BundleContents Bundle { get; }
    public HostFacts Facts { get; }

    /// <summary>
    /// The captured file at <paramref name="path"/> as lines, or null when the bundle does not hold it. A file cut at the
    /// capture limit, kept by its end or truncated by sos (<see cref="SosTail"/>), or written by a command that failed
    /// is read, with a warning once per file.
    /// </summary>
    public TextLines? Lines(string path)
    {
        var file = Bundle.Find(path);
        if (warnedFiles.Add(path))
        {
            if (file is { Gap: { } gap })
            {
                Facts.ParseWarnings.Add(
                    $"{path} ({file.Size} bytes) is longer than the capture limit: kept lines 1 to {gap.AfterLine} and from {gap.AfterLine + gap.SkippedLines + 1} on; "
                    + $"the {gap.SkippedLines} lines ({gap.SkippedBytes} bytes) between were not read");
            }
            else if (file is { Truncated: true })
            {
                Facts.ParseWarnings.Add($"{path} was cut at the capture limit ({file.Size} bytes); facts from it cover the part read");
            }

            var state = Bundle.CommandStateOf(path);
            if (file is not null && state is not { Outcome: CommandOutcome.Truncated } && Bundle.Resolve(path) is { } resolved && SosTail.IsTail(resolved))
            {
                Facts.ParseWarnings.Add($"{path} was over sos's size limit: the bundle holds only its last {file.Size} bytes ({resolved}); facts from it cover that end");
            }

            switch (state)
            {
                case { Outcome: CommandOutcome.Failed } failed when file is null:
                    Facts.ParseWarnings.Add($"{path}: '{failed.Command}' failed with exit code {failed.ReturnCode} and left no output (sos_reports/manifest.json)");
                    break;
                case { Outcome: CommandOutcome.Failed } failed:
                    Facts.ParseWarnings.Add($"{path}: '{failed.Command}' exited with code {failed.ReturnCode} (sos_reports/manifest.json)");
                    break;
                case { Outcome: CommandOutcome.Truncated } truncated:
                    Facts.ParseWarnings.Add($"{path}: sos truncated the output of '{truncated.Command}'");
                    break;
            }
        }

        return file is null ? null : new TextLines(file);
    }

    /// <summary>
    /// Why <paramref name="path"/> gives no fact: the command failed or was cut (from sos's manifest), or it was not
    /// collected at all. Missing is never taken for healthy, and "failed" is not "absent".
    /// </summary>
    public string MissingReason(string path) => Bundle.CommandStateOf(path) switch
    {
        { Outcome: CommandOutcome.Failed } failed => $"'{failed.Command}' failed with exit code {failed.ReturnCode} ({path})",
        { Outcome: CommandOutcome.Truncated } truncated => $"sos truncated the output of '{truncated.Command}' ({path})",
        _ => $"{path} is not in the bundle",
    };

    /// <summary>The first of <paramref name="paths"/> the bundle holds.</summary>
    public TextLines? FirstLines(IEnumerable<string> paths) => paths.Select(Lines).FirstOrDefault(l => l is not null);

    /// <summary>Names of a folder's members (following symlinks).</summary>
    public IReadOnlyList<string> Folder(string path) => Bundle.ListFolder(path);

    /// <summary>
    /// A folder's members named <paramref name="prefix"/> and a number (<c>cpu12</c>, <c>node1</c>, <c>mc0</c>), with
    /// that number; a name whose number does not fit an int (a damaged bundle) is not one of them.
    /// </summary>
    public IEnumerable<(string Name, int Number)> NumberedMembers(string path, string prefix)
    {
        foreach (var name in Folder(path))
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                yield return (name, number);
            }
        }
    }

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
    public Fact<int> Int(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseInt(lines) : Fact<int>.Missing(MissingReason(path));

    public Fact<long> Long(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseLong(lines) : Fact<long>.Missing(MissingReason(path));

    /// <summary>A sysfs text file's first line as a fact.</summary>
    public Fact<string> Word(string path) => Lines(path) is { } lines ? SysfsValueParser.ParseWord(lines) : Fact<string>.Missing(MissingReason(path));
}
