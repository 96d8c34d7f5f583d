namespace Advisor.Facts;

/// <summary>One word of the kernel command line: <c>nvme_core.default_ps_max_latency_us=0</c> → name and value.</summary>
public sealed class KernelParameter
{
    public string Name { get; set; } = "";

    /// <summary>The text after the first <c>=</c>; empty for a bare flag such as <c>quiet</c>.</summary>
    public Fact<string> Value { get; set; } = Fact<string>.Missing("no value");
}
