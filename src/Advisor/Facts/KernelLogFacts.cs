namespace Advisor.Facts;

/// <summary>The kernel ring buffer: <c>sos_commands/kernel/dmesg</c>, else <c>var/log/dmesg</c>, else <c>var/log/kern.log</c>.</summary>
public sealed class KernelLogFacts
{
    /// <summary>The file the lines came from.</summary>
    public Fact<string> SourceFile { get; set; } = Fact<string>.Missing("no dmesg, var/log/dmesg or var/log/kern.log");

    public List<DmesgLine> Lines { get; set; } = [];

    /// <summary>True when any line contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => Lines.Any(l => l.Contains(text));

    /// <summary>The first line containing <paramref name="text"/>, as a fact (missing when none).</summary>
    public Fact<string> FirstLineWith(string text) =>
        Lines.FirstOrDefault(l => l.Contains(text))?.Line ?? Fact<string>.Missing($"no kernel log line contains '{text}'");

    /// <summary>How many lines contain <paramref name="text"/>.</summary>
    public int CountLinesWith(string text) => Lines.Count(l => l.Contains(text));
}
