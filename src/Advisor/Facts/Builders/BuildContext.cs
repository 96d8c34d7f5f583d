using Advisor.Bundles;
using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>What every fact builder shares: the bundle's captured files and the facts being built.</summary>
public sealed class BuildContext(BundleContents bundle, HostFacts facts)
{
    public BundleContents Bundle { get; } = bundle;
    public HostFacts Facts { get; } = facts;

    /// <summary>The captured file at <paramref name="path"/> as lines, or null when the bundle does not hold it.</summary>
    public TextLines? Lines(string path) => Bundle.Find(path) is { } file ? new TextLines(file) : null;

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
