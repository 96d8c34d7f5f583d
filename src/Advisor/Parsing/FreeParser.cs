using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>free</c> (KiB, sos's <c>sos_commands/memory/free</c>): a header (<c>total used free shared buff/cache available</c>)
/// and a <c>Mem:</c> row.
/// </summary>
public static class FreeParser
{
    public const string SosPath = "sos_commands/memory/free";

    public sealed record Free(Fact<long> TotalKiB, Fact<long> AvailableKiB);

    public static ParseResult<Free> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Free>(lines) is { } unusable) return unusable;
        var header = lines.Numbered().FirstOrDefault(l => l.Text.Contains("total", StringComparison.Ordinal));
        var row = lines.Numbered().FirstOrDefault(l => l.Text.TrimStart().StartsWith("Mem:", StringComparison.Ordinal));
        if (header.Text is null || row.Text is null)
        {
            return ParseResult<Free>.Unusable($"{lines.Path} has no header and Mem: row", lines.EvidenceAt(1));
        }

        var columns = header.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = row.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Fact<long> Column(string name)
        {
            var at = Array.IndexOf(columns, name);
            return at >= 0 && at < values.Length && long.TryParse(values[at], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
                ? Fact<long>.Of(kib, lines.EvidenceAt(row.Number))
                : Fact<long>.Missing($"free prints no {name} column");
        }

        var total = Column("total");
        return total.IsPresent
            ? ParseResult<Free>.Ok(new Free(total, Column("available")))
            : ParseResult<Free>.Unusable($"{lines.Path}: the Mem: row has no total", lines.EvidenceAt(row.Number));
    }
}
