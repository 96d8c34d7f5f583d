using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>lsblk</c> in its default tree form: a header (NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINT…) and one row per
/// device, children drawn with <c>|-</c>, <c>`-</c>, <c>├─</c> or <c>└─</c>.
/// </summary>
public static class LsblkParser
{
    public const string SosPath = "sos_commands/block/lsblk";

    public sealed record Row(string Name, string Type, string Size, string? MountPoint, int Depth, Evidence Source)
    {
        /// <summary><c>major:minor</c> when the MAJ:MIN column is printed.</summary>
        public string MajorMinor { get; init; } = "";

        /// <summary>The kernel name old lsblk prints in parentheses (<c>volgrp01-root (dm-0)</c>), else empty.</summary>
        public string KernelName { get; init; } = "";
    }

    public static ParseResult<List<Row>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<Row>>(lines) is { } unusable) return unusable;
        var header = lines.Numbered().FirstOrDefault(l => l.Text.TrimStart().StartsWith("NAME", StringComparison.Ordinal));
        if (header.Text is null)
        {
            return ParseResult<List<Row>>.Unusable($"{lines.Path} has no NAME header line", lines.EvidenceAt(1));
        }

        var columns = header.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var typeColumn = Array.IndexOf(columns, "TYPE");
        var sizeColumn = Array.IndexOf(columns, "SIZE");
        var majMinColumn = Array.IndexOf(columns, "MAJ:MIN");
        if (typeColumn < 0)
        {
            return ParseResult<List<Row>>.Unusable($"{lines.Path} has no TYPE column", lines.EvidenceAt(header.Number));
        }

        var rows = new List<Row>();
        foreach (var (number, text) in lines.Numbered().Where(l => l.Number > header.Number))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var (name, depth) = SplitTreePrefix(text);
            var fields = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            // old lsblk prints "volgrp01-root (dm-0)": the kernel name in parentheses belongs to NAME
            var kernelName = "";
            if (fields.Count > 1 && fields[1].StartsWith('(') && fields[1].EndsWith(')'))
            {
                kernelName = fields[1][1..^1];
                fields.RemoveAt(1);
            }

            if (fields.Count <= typeColumn) continue; // a truncated last line
            rows.Add(new Row(
                fields[0],
                fields[typeColumn],
                sizeColumn >= 0 ? fields[sizeColumn] : "",
                fields.Count > typeColumn + 1 ? string.Join(' ', fields.Skip(typeColumn + 1)) : null,
                depth,
                lines.EvidenceAt(number))
            {
                MajorMinor = majMinColumn >= 0 && majMinColumn < fields.Count ? fields[majMinColumn] : "",
                KernelName = kernelName,
            });
        }

        return ParseResult<List<Row>>.Ok(rows);
    }

    private static (string Remainder, int Depth) SplitTreePrefix(string text)
    {
        var i = 0;
        while (i < text.Length && (text[i] is ' ' or '|' or '`' or '-' or '│' or '├' or '└' or '─'))
        {
            i++;
        }

        // each level of the tree takes two characters of prefix
        return (text[i..], i / 2);
    }
}
