namespace Advisor.Facts;

public sealed class KernelFacts
{
    /// <summary>The kernel release as <c>uname -r</c> prints it, e.g. <c>4.4.0-1087-aws</c>.</summary>
    public Fact<string> Release { get; set; } = Fact<string>.Missing("no uname -a output");
}
