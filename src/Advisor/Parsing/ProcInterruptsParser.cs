using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>proc/interrupts</c>: a header naming the CPU columns, then per IRQ <c>N:</c>, one count per CPU, the chip,
/// (newer kernels) the hardware IRQ with its trigger (<c>2-edge</c>), and the action names. Older kernels fold the
/// trigger into the chip (<c>IO-APIC-edge</c>). Summary rows (NMI, LOC…) carry counts and a description.
/// </summary>
public static partial class ProcInterruptsParser
{
    public const string SosPath = "proc/interrupts";

    public static ParseResult<List<Irq>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<Irq>>(lines) is { } unusable) return unusable;
        var header = lines.Numbered().FirstOrDefault(l => l.Text.TrimStart().StartsWith("CPU", StringComparison.Ordinal));
        if (header.Text is null)
        {
            return ParseResult<List<Irq>>.Unusable($"{lines.Path} has no CPU header line", lines.EvidenceAt(1));
        }

        var cpus = new List<int>();
        foreach (var word in header.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("CPU", StringComparison.Ordinal) && int.TryParse(word[3..], CultureInfo.InvariantCulture, out var cpu)) cpus.Add(cpu);
        }

        var irqs = new List<Irq>();
        foreach (var (number, text) in lines.Numbered().Where(l => l.Number > header.Number))
        {
            var colon = text.IndexOf(':');
            if (colon <= 0) continue;
            var id = text[..colon].Trim();
            if (id.Length == 0 || id.Contains(' ', StringComparison.Ordinal)) continue;
            var words = text[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var counts = new List<long>();
            var at = 0;
            while (at < words.Length && counts.Count < cpus.Count && long.TryParse(words[at], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts.Add(count);
                at++;
            }

            var irq = new Irq
            {
                Number = id,
                IsDevice = id.All(char.IsAsciiDigit),
                Counts = counts,
                Cpus = cpus.Take(counts.Count).ToList(),
                Total = counts.Sum(),
                Source = lines.EvidenceAt(number),
            };
            var rest = words[at..];
            if (irq.IsDevice && rest.Length > 0)
            {
                irq.Chip = rest[0];
                var nameAt = 1;
                if (rest.Length > 1 && HardwareIrq().IsMatch(rest[1]))
                {
                    irq.HardwareIrq = rest[1];
                    nameAt = 2;
                }

                irq.Name = string.Join(' ', rest[nameAt..]);
                DescribeDevice(irq);
            }
            else
            {
                irq.Name = string.Join(' ', rest);
            }

            irqs.Add(irq);
        }

        return ParseResult<List<Irq>>.Ok(irqs);
    }

    private static void DescribeDevice(Irq irq)
    {
        var first = irq.Name.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var at = first.IndexOf('@');
        if (at > 0)
        {
            irq.PciAddress = PciAddressPattern().Match(first[at..]) is { Success: true } m ? m.Value : "";
            first = first[..at];
        }

        var bracket = first.IndexOf('[');
        if (bracket > 0)
        {
            if (irq.PciAddress.Length == 0 && PciAddressPattern().Match(first[bracket..]) is { Success: true } m) irq.PciAddress = m.Value;
            first = first[..bracket];
        }

        if (irq.PciAddress.Length == 0 && PciAddressPattern().Match(irq.Chip) is { Success: true } chip)
        {
            irq.PciAddress = chip.Value;
        }

        irq.Device = first;
        // a queue number too long for an int (a damaged line) leaves the queue unknown rather than failing the file
        if (QueueNumber().Match(first) is { Success: true } queue
            && int.TryParse(queue.Groups["q"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            irq.Queue = number;
        }

        // NVMe I/O queues (not the admin queue q0) get kernel-managed affinity
        irq.IsManaged = NvmeIoQueue().IsMatch(first);
    }

    [GeneratedRegex(@"^\d+-(edge|level|fasteoi)$|^\d+$|^[0-9a-f]+-(edge|level)$")]
    private static partial Regex HardwareIrq();

    [GeneratedRegex(@"[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]")]
    private static partial Regex PciAddressPattern();

    [GeneratedRegex(@"(?:nvme\d+q|_comp|_async|-TxRx-|-txrx-|-rx-|-tx-|-fp-|-queue-|-Tx-|-Rx-|input\.|output\.)(?<q>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex QueueNumber();

    [GeneratedRegex(@"^nvme\d+q[1-9]\d*$")]
    private static partial Regex NvmeIoQueue();
}
