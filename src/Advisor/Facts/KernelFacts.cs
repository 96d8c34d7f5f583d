namespace Advisor.Facts;

public sealed class KernelFacts
{
    /// <summary>The kernel release as <c>uname -r</c> prints it, e.g. <c>4.4.0-1087-aws</c>.</summary>
    public Fact<string> Release { get; set; } = Fact<string>.Missing("no uname -a output");

    /// <summary>The whole <c>proc/version</c> line (build host, compiler, build number).</summary>
    public Fact<string> Version { get; set; } = Fact<string>.Missing("no proc/version file");

    /// <summary>The kernel command line from <c>proc/cmdline</c>.</summary>
    public Fact<string> CommandLine { get; set; } = Fact<string>.Missing("no proc/cmdline file");

    /// <summary>Each word of the command line: <c>name=value</c>, or a bare <c>name</c> with an empty value.</summary>
    public List<KernelParameter> Parameters { get; set; } = [];

    /// <summary>True when the command line names <paramref name="name"/> (with or without a value).</summary>
    public bool HasParameter(string name) => Parameters.Any(p => p.Name == name);

    /// <summary>The value of the last <paramref name="name"/> on the command line (the kernel uses the last), or null.</summary>
    public string? ParameterValue(string name) => Parameters.LastOrDefault(p => p.Name == name)?.Value.Value;

    /// <summary>The parameter as a fact, for evidence; missing when the command line does not name it.</summary>
    public Fact<string> Parameter(string name) =>
        Parameters.LastOrDefault(p => p.Name == name)?.Value
        ?? (CommandLine.IsPresent ? Fact<string>.Missing($"the kernel command line has no {name}") : CommandLine);
}
