using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// The kernel log from the first of: <c>dmesg</c> output, <c>var/log/dmesg</c>, <c>var/log/kern.log</c>. A log longer
/// than <see cref="MaxLines"/> keeps its beginning (boot messages) and its end (the most recent events), with a warning.
/// </summary>
public static class KernelLogFactsBuilder
{
    /// <summary>Lines kept per host: a full 1 MiB ring buffer holds about ten thousand.</summary>
    public const int MaxLines = 20000;

    private const int KeptFromStart = 5000;

    public static readonly string[] Globs = [DmesgParser.SosPath, DmesgParser.VarLogDmesgPath, DmesgParser.KernLogPath];

    public static void Build(BuildContext context)
    {
        foreach (var path in Globs)
        {
            if (context.Lines(path) is not { } lines) continue;
            if (context.Usable(DmesgParser.Parse(lines)) is { Count: > 0 } parsed)
            {
                if (parsed.Count > MaxLines)
                {
                    context.Facts.ParseWarnings.Add($"{path} has {parsed.Count} lines; kept the first {KeptFromStart} and the last {MaxLines - KeptFromStart}");
                    parsed = [.. parsed.Take(KeptFromStart), .. parsed.Skip(parsed.Count - (MaxLines - KeptFromStart))];
                }

                context.Facts.KernelLog.Lines = parsed;
                context.Facts.KernelLog.SourceFile = Fact<string>.Of(path, lines.EvidenceAt(1));
                return;
            }
        }
    }
}
