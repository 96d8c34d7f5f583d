using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// <c>iostat -x</c> found by content: the first captured file (files named *iostat* first) whose lines include a
/// <c>Device … r/s</c> header.
/// </summary>
public static class IostatFactsBuilder
{
    // sar output (sos_commands/sar) uses DEV columns and can run to megabytes: not captured
    public static readonly string[] Globs = ["sos_commands/**/*iostat*", "sos_commands/sysstat/*"];

    public static void Build(BuildContext context)
    {
        var candidates = context.Bundle.CapturedFiles
            .Where(f => f.Path.StartsWith("sos_commands/", StringComparison.Ordinal))
            .OrderBy(f => f.Path.Contains("iostat", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            var lines = new TextLines(file);
            if (!IostatParser.LooksLikeIostat(lines)) continue;
            if (context.Usable(IostatParser.Parse(lines)) is { } records)
            {
                var iostat = context.Facts.Iostat;
                iostat.Records = records;
                iostat.Reports = records.Count == 0 ? 0 : records.Max(r => r.Report);
                iostat.SourceFile = Fact<string>.Of(file.Path, lines.EvidenceAt(1));
                return;
            }
        }
    }
}
