using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>lspci -vv</c> / <c>-vvv</c> / <c>-nnvv</c> / <c>-k</c>: a device line <c>3b:00.0 Ethernet controller: …</c> (with or
/// without the domain), then tab-indented details; <c>LnkCap: … Speed 8GT/s, Width x16</c>, <c>LnkSta: Speed
/// 2.5GT/s (downgraded), Width x8</c> and <c>Kernel driver in use: mlx5_core</c> are read.
/// </summary>
public static partial class LspciParser
{
    public static readonly string[] SosPaths =
    [
        "sos_commands/pci/lspci_-nnvv", "sos_commands/pci/lspci_-vvv", "sos_commands/pci/lspci_-vv", "sos_commands/pci/lspci_-nvv", "sos_commands/pci/lspci_-k",
    ];

    public static ParseResult<List<PciDevice>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<PciDevice>>(lines) is { } unusable) return unusable;
        var devices = new List<PciDevice>();
        PciDevice? current = null;
        foreach (var (number, text) in lines.Numbered())
        {
            if (DeviceLine().Match(text) is { Success: true } device)
            {
                var address = device.Groups["addr"].Value;
                current = new PciDevice
                {
                    Address = address.Count(c => c == ':') == 1 ? "0000:" + address : address,
                    Description = device.Groups["rest"].Value.Trim(),
                    Class = ClassNumber().Replace(device.Groups["class"].Value, "").Trim(),
                    Source = lines.EvidenceAt(number),
                };
                devices.Add(current);
                continue;
            }

            if (current is null) continue;
            var trimmed = text.Trim();
            if (trimmed.StartsWith("LnkCap:", StringComparison.Ordinal))
            {
                (current.MaxSpeed, current.MaxWidth) = Link(trimmed, lines.EvidenceAt(number));
            }
            else if (trimmed.StartsWith("LnkSta:", StringComparison.Ordinal))
            {
                (current.Speed, current.Width) = Link(trimmed, lines.EvidenceAt(number));
            }
            else if (trimmed.StartsWith("Kernel driver in use:", StringComparison.Ordinal))
            {
                current.Driver = Fact<string>.Of(trimmed["Kernel driver in use:".Length..].Trim(), lines.EvidenceAt(number));
            }
            else if (trimmed.StartsWith("NUMA node:", StringComparison.Ordinal)
                     && int.TryParse(trimmed["NUMA node:".Length..].Trim(), CultureInfo.InvariantCulture, out var node))
            {
                current.NumaNode = Fact<int>.Of(node, lines.EvidenceAt(number));
            }
        }

        return devices.Count == 0
            ? ParseResult<List<PciDevice>>.Unusable($"{lines.Path} has no device line", lines.EvidenceAt(1))
            : ParseResult<List<PciDevice>>.Ok(devices);
    }

    /// <summary>A link speed as lspci or sysfs prints it (<c>8GT/s</c>, <c>8.0 GT/s PCIe</c>, <c>2.5 GT/s</c>) in GT/s, or null.</summary>
    public static double? ParseSpeed(string text) =>
        SpeedPattern().Match(text) is { Success: true } m && double.TryParse(m.Groups["gts"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var gts)
            ? gts
            : null;

    private static (Fact<double> Speed, Fact<int> Width) Link(string text, Evidence evidence)
    {
        var speed = ParseSpeed(text) is { } gts ? Fact<double>.Of(gts, evidence) : Fact<double>.Unusable($"no speed in '{text}'", evidence);
        var width = WidthPattern().Match(text) is { Success: true } w && int.TryParse(w.Groups["w"].Value, CultureInfo.InvariantCulture, out var lanes)
            ? Fact<int>.Of(lanes, evidence)
            : Fact<int>.Unusable($"no width in '{text}'", evidence);
        return (speed, width);
    }

    [GeneratedRegex(@"^(?<addr>(?:[0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]) (?<rest>(?<class>[^:]+): .*)$")]
    private static partial Regex DeviceLine();

    [GeneratedRegex(@"\s*\[[0-9a-fA-F]{4}\]")]
    private static partial Regex ClassNumber();

    [GeneratedRegex(@"(?<gts>\d+(?:\.\d+)?)\s*GT/s")]
    private static partial Regex SpeedPattern();

    [GeneratedRegex(@"Width x(?<w>\d+)")]
    private static partial Regex WidthPattern();
}
