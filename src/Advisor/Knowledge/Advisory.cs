using Advisor.Versions;
using YamlDotNet.Serialization;

namespace Advisor.Knowledge;

/// <summary>The front matter of a kb article: what a rule's expressions and the report's fix section rely on.</summary>
public sealed class Advisory
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Severity { get; set; } = "";

    [YamlMember(Alias = "affected_kernels")]
    public KernelRange? AffectedKernels { get; set; }

    [YamlMember(Alias = "fixed_kernels")]
    public List<FixedKernel> FixedKernels { get; set; } = [];

    [YamlMember(Alias = "fix_commits")]
    public List<FixCommit> FixCommits { get; set; } = [];

    public List<Reference> References { get; set; } = [];

    /// <summary>
    /// True when <paramref name="release"/> lies in the affected range and no fixed build of the same distribution
    /// line is at or below it. An unparseable release is never called affected.
    /// </summary>
    public bool AffectsKernel(string? release)
    {
        if (AffectedKernels is null || release is null || KernelRelease.Parse(release) is not { } kernel) return false;
        if (kernel.Upstream < AffectedKernels.FromVersion || kernel.Upstream >= AffectedKernels.BeforeVersion) return false;
        foreach (var fix in FixedKernels)
        {
            if (KernelRelease.Parse(fix.Release) is { } fixedRelease && fixedRelease.SameLineAs(kernel))
            {
                return kernel.CompareBuild(fixedRelease) < 0;
            }
        }

        return true;
    }

    /// <summary>The fixed build for the host's own distribution line, if the article names one.</summary>
    public FixedKernel? FixFor(string? release)
    {
        if (release is null || KernelRelease.Parse(release) is not { } kernel) return null;
        return FixedKernels.FirstOrDefault(f => KernelRelease.Parse(f.Release) is { } r && r.SameLineAs(kernel));
    }
}

public sealed class KernelRange
{
    public string From { get; set; } = "0.0";
    public string Before { get; set; } = "999.0";

    internal Version FromVersion => Normalize(From);
    internal Version BeforeVersion => Normalize(Before);

    private static Version Normalize(string text)
    {
        var v = Version.Parse(text.Contains('.') ? text : text + ".0");
        return new Version(v.Major, v.Minor, Math.Max(v.Build, 0));
    }
}

public sealed class FixedKernel
{
    /// <summary>The fixed release as <c>uname -r</c> prints it, e.g. <c>4.4.0-1088-aws</c>.</summary>
    public string Release { get; set; } = "";
    public string Package { get; set; } = "";
    public string Note { get; set; } = "";
}

public sealed class FixCommit
{
    public string Id { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Release { get; set; } = "";
}

public sealed class Reference
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
}
