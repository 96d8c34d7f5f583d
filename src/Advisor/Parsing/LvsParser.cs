using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>lvs</c> as sos runs it (<c>lvs -a -o +lv_tags,devices,…</c>): a header (<c>LV VG Attr LSize Pool Origin …
/// Devices</c>) and aligned rows whose blank cells (no pool, no origin) leave gaps.
/// </summary>
public static class LvsParser
{
    public const string SosGlob = "sos_commands/lvm2/lvs_*";

    public static ParseResult<List<LogicalVolume>> Parse(TextLines lines)
    {
        if (lines.IsBlank) return ParseResult<List<LogicalVolume>>.Unusable($"{lines.Path} is empty");
        var header = lines.Numbered().FirstOrDefault(l => l.Text.TrimStart().StartsWith("LV ", StringComparison.Ordinal) && l.Text.Contains(" VG ", StringComparison.Ordinal));
        if (header.Text is null)
        {
            return CommandErrorText.CheckUsable<List<LogicalVolume>>(lines)
                ?? ParseResult<List<LogicalVolume>>.Unusable($"{lines.Path} has no 'LV VG Attr' header", lines.EvidenceAt(1));
        }

        var aligner = new ColumnAligner(header.Text, "LV Tags", "VG Tags", "Cpy%Sync");
        var volumes = new List<LogicalVolume>();
        foreach (var (number, text) in lines.Numbered().Where(l => l.Number > header.Number))
        {
            if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith("WARNING", StringComparison.Ordinal)) continue;
            var cells = aligner.Split(text);
            if (!cells.TryGetValue("LV", out var name) || !cells.TryGetValue("VG", out var group)) continue;
            volumes.Add(new LogicalVolume
            {
                Name = name.Trim('[', ']'),
                VolumeGroup = group,
                Attributes = cells.GetValueOrDefault("Attr") ?? "",
                Size = cells.GetValueOrDefault("LSize") ?? "",
                Origin = cells.GetValueOrDefault("Origin") ?? "",
                Devices = cells.GetValueOrDefault("Devices") ?? "",
                Source = lines.EvidenceAt(number),
            });
        }

        return ParseResult<List<LogicalVolume>>.Ok(volumes);
    }
}
