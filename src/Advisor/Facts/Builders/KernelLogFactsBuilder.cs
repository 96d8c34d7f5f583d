using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>The kernel log from the first of: <c>dmesg</c> output, <c>var/log/dmesg</c>, <c>var/log/kern.log</c>.</summary>
public static class KernelLogFactsBuilder
{
    public static readonly string[] Globs = [DmesgParser.SosPath, DmesgParser.VarLogDmesgPath, DmesgParser.KernLogPath];

    public static void Build(BuildContext context)
    {
        foreach (var path in Globs)
        {
            if (context.Lines(path) is not { } lines) continue;
            if (context.Usable(DmesgParser.Parse(lines)) is { Count: > 0 } parsed)
            {
                context.Facts.KernelLog.Lines = parsed;
                context.Facts.KernelLog.SourceFile = Fact<string>.Of(path, lines.EvidenceAt(1));
                return;
            }
        }
    }
}
