using System.Text.RegularExpressions;

namespace Advisor.Versions;

/// <summary>
/// A kernel release as <c>uname -r</c> prints it, split into the upstream version, the distribution's build
/// (ABI number or RPM release) and the flavour: <c>4.4.0-1087-aws</c> → 4.4.0 / 1087 / aws;
/// <c>3.10.0-1160.el7.x86_64</c> → 3.10.0 / 1160.el7 / (none).
/// </summary>
public sealed partial record KernelRelease(string Text, Version Upstream, string Build, string Flavour)
{
    public static KernelRelease? Parse(string text)
    {
        var match = ReleasePattern().Match(text.Trim());
        if (!match.Success) return null;
        var numbers = match.Groups["upstream"].Value.Split('.').Select(int.Parse).ToArray();
        var upstream = numbers.Length switch
        {
            2 => new Version(numbers[0], numbers[1], 0),
            _ => new Version(numbers[0], numbers[1], numbers[2]),
        };
        var rest = match.Groups["rest"].Value;
        var ubuntu = UbuntuSuffix().Match(rest);
        if (ubuntu.Success)
        {
            return new KernelRelease(text.Trim(), upstream, ubuntu.Groups["abi"].Value, ubuntu.Groups["flavour"].Value);
        }

        var build = ArchSuffix().Replace(rest, "");
        return new KernelRelease(text.Trim(), upstream, build, "");
    }

    /// <summary>Whether both releases come from the same distribution line (same upstream base and flavour, same build family).</summary>
    public bool SameLineAs(KernelRelease other) =>
        Upstream == other.Upstream && Flavour == other.Flavour && Family(Build) == Family(other.Build);

    /// <summary>Compares the distribution builds of two releases of the same line (RPM ordering, which also orders Ubuntu ABIs).</summary>
    public int CompareBuild(KernelRelease other) => RpmVersion.Compare(Build, other.Build);

    private static string Family(string build) => DistroTag().Match(build) is { Success: true } m ? m.Value[..3] : "";

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<upstream>\d+\.\d+(\.\d+)?)(?<rest>[-+~.].*)?$")]
    private static partial Regex ReleasePattern();

    [GeneratedRegex(@"^-(?<abi>\d+)-(?<flavour>[a-z][a-z0-9-]*)$")]
    private static partial Regex UbuntuSuffix();

    [GeneratedRegex(@"\.(x86_64|aarch64|ppc64le|s390x|i686|noarch)$")]
    private static partial Regex ArchSuffix();

    [GeneratedRegex(@"\.(el|fc)\d+")]
    private static partial Regex DistroTag();
}
