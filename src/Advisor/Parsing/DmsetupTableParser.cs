using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>dmsetup table</c>: one line per target, <c>name: start length type args…</c>.</summary>
public static class DmsetupTableParser
{
    public const string SosPath = "sos_commands/devicemapper/dmsetup_table";

    public static ParseResult<List<DeviceMapperTarget>> Parse(TextLines lines)
    {
        var targets = new List<DeviceMapperTarget>();
        if (lines.IsBlank || lines.Numbered().Any(l => l.Text.Trim() == "No devices found"))
        {
            return ParseResult<List<DeviceMapperTarget>>.Ok(targets);
        }

        if (CommandErrorText.CheckUsable<List<DeviceMapperTarget>>(lines) is { } unusable) return unusable;
        string? lastDevice = null;
        foreach (var (number, text) in lines.Numbered())
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            // "name: 0 2048 linear 8:1 0"; a device with several targets repeats its name, older dmsetup indents instead
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            string device;
            string rest;
            if (colon > 0 && !char.IsWhiteSpace(text[0]))
            {
                device = text[..colon];
                rest = text[(colon + 2)..];
            }
            else if (lastDevice is not null)
            {
                device = lastDevice;
                rest = text;
            }
            else
            {
                continue;
            }

            var fields = rest.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3
                || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                || !long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var length))
            {
                continue;
            }

            lastDevice = device;
            targets.Add(new DeviceMapperTarget
            {
                Device = device,
                Start = start,
                Length = length,
                Type = fields[2],
                Arguments = fields.Length > 3 ? fields[3].Trim() : "",
                Source = lines.EvidenceAt(number),
            });
        }

        return ParseResult<List<DeviceMapperTarget>>.Ok(targets);
    }
}
