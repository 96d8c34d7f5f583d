using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// Kernel log lines from <c>dmesg</c>, <c>var/log/dmesg</c> or <c>var/log/kern.log</c>: an optional syslog prefix
/// (<c>Feb 10 10:00:00 host kernel: </c>), an optional <c>[   12.345678]</c> stamp, then the message with its
/// subsystem prefix: <c>nvme nvme0: …</c> (driver and device), <c>EDAC MC0: …</c>, <c>mce: …</c>, <c>ata1: …</c>.
/// </summary>
public static partial class DmesgParser
{
    public const string SosPath = "sos_commands/kernel/dmesg";
    public const string VarLogDmesgPath = "var/log/dmesg";
    public const string KernLogPath = "var/log/kern.log";

    public static ParseResult<List<DmesgLine>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<DmesgLine>>(lines) is { } unusable) return unusable;
        var result = new List<DmesgLine>();
        foreach (var (number, raw) in lines.Numbered())
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var text = raw;
            if (SyslogPrefix().Match(text) is { Success: true } syslog) text = text[syslog.Length..];
            if (PriorityPrefix().Match(text) is { Success: true } priority) text = text[priority.Length..];
            double? time = null;
            if (Stamp().Match(text) is { Success: true } stamp)
            {
                if (double.TryParse(stamp.Groups["t"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) time = seconds;
                text = text[stamp.Length..];
            }

            var line = new DmesgLine { Time = time, Text = text.Trim(), Message = text.Trim(), Source = lines.EvidenceAt(number) };
            var body = text.TrimStart();
            if (DevicePrefix().Match(body) is { Success: true } device)
            {
                line.Subsystem = device.Groups["sub"].Value;
                line.Device = device.Groups["dev"].Value;
                line.Message = device.Groups["msg"].Value.Trim();
            }
            else if (SubsystemPrefix().Match(body) is { Success: true } subsystem)
            {
                line.Subsystem = subsystem.Groups["sub"].Value;
                line.Message = subsystem.Groups["msg"].Value.Trim();
            }

            result.Add(line);
        }

        return ParseResult<List<DmesgLine>>.Ok(result);
    }

    [GeneratedRegex(@"^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ kernel: ")]
    private static partial Regex SyslogPrefix();

    [GeneratedRegex(@"^<\d>")]
    private static partial Regex PriorityPrefix();

    [GeneratedRegex(@"^\[\s*(?<t>\d+\.\d+)\]\s?|^\[[A-Z][a-z]{2} [^\]]{10,30}\]\s?")]
    private static partial Regex Stamp();

    // "nvme nvme0: msg", "sd 0:0:0:0: [sda] msg", "pci 0000:e1:00.0: msg", "EDAC MC0: msg": the device token holds a digit
    [GeneratedRegex(@"^(?<sub>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*)?) (?<dev>[^\s:]*\d[^\s]*?): (?<msg>.*)$")]
    private static partial Regex DevicePrefix();

    // "mce: [Hardware Error]: msg", "ata1.00: msg", "clocksource: msg", "x86/fpu: msg"
    [GeneratedRegex(@"^(?<sub>[A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*)?): (?<msg>.*)$")]
    private static partial Regex SubsystemPrefix();
}
