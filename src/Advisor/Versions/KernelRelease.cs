using System.Text.RegularExpressions;

namespace Advisor.Versions;

/// <summary>
/// A kernel release as <c>uname -r</c> prints it, split into the upstream version, the distribution's build
/// (ABI number or RPM release) and the flavour: <c>4.4.0-1087-aws</c> → 4.4.0 / 1087 / aws;
/// <c>3.10.0-1160.el7.x86_64</c> → 3.10.0 / 1160.el7 / (none); <c>5.14.0-427.13.1.el9_4</c> → 5.14.0 / 427.13.1.el9_4;
/// <c>6.13.0-rc3</c> → 6.13.0, pre-release rc3 (older than 6.13.0 itself).
/// </summary>
public sealed partial record KernelRelease(string Text, Version Upstream, string Build, string Flavour)
{
    /// <summary>The mainline release candidate, e.g. <c>rc3</c>; empty for a final release.</summary>
    public string PreRelease { get; init; } = "";

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

        var preRelease = "";
        if (ReleaseCandidate().Match(rest) is { Success: true } rc)
        {
            preRelease = rc.Groups["rc"].Value;
            rest = rc.Groups["tail"].Value;
        }

        var build = ArchSuffix().Replace(rest, "").TrimStart('-', '.', '+', '~');
        return new KernelRelease(text.Trim(), upstream, build, "") { PreRelease = preRelease };
    }

    /// <summary>
    /// Orders releases: upstream version first, then a release candidate before its final release, then the
    /// distribution build by RPM ordering (which also orders Ubuntu ABI numbers).
    /// </summary>
    public int CompareTo(KernelRelease other)
    {
        var upstream = Upstream.CompareTo(other.Upstream);
        if (upstream != 0) return Math.Sign(upstream);
        if (PreRelease != other.PreRelease)
        {
            if (PreRelease.Length == 0) return 1;
            if (other.PreRelease.Length == 0) return -1;
            return Math.Sign(RpmVersion.Compare(PreRelease, other.PreRelease));
        }

        return Math.Sign(RpmVersion.Compare(Build, other.Build));
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

    [GeneratedRegex(@"^-(?<rc>rc\d+)(?<tail>.*)$")]
    private static partial Regex ReleaseCandidate();

    [GeneratedRegex(@"\.(x86_64|aarch64|ppc64le|s390x|i686|noarch)$")]
    private static partial Regex ArchSuffix();

    [GeneratedRegex(@"\.(el|fc)\d+")]
    private static partial Regex DistroTag();
}
