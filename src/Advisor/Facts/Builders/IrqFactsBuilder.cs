using System.Text.RegularExpressions;
using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// <c>proc/interrupts</c> with each IRQ's <c>smp_affinity_list</c> and <c>effective_affinity_list</c>; then the derived
/// per-node counts, each NUMA node's interrupt total, and the IRQ sets of NICs and NVMe devices.
/// </summary>
public static partial class IrqFactsBuilder
{
    public static readonly string[] Globs =
    [
        ProcInterruptsParser.SosPath, "proc/irq/*/smp_affinity_list", "proc/irq/*/effective_affinity_list", "proc/irq/*/smp_affinity",
        "sys/kernel/debug/irq/irqs/*",
    ];

    public static void Build(BuildContext context)
    {
        var facts = context.Facts;
        if (context.Lines(ProcInterruptsParser.SosPath) is not { } lines || context.Usable(ProcInterruptsParser.Parse(lines)) is not { } irqs)
        {
            return;
        }

        facts.Irqs = irqs;
        foreach (var irq in irqs.Where(i => i.IsDevice))
        {
            var folder = $"proc/irq/{irq.Number}";
            if (context.Lines($"{folder}/smp_affinity_list") is { } affinity)
            {
                irq.AffinityList = SysfsValueParser.ParseWord(affinity);
            }
            else if (context.Lines($"{folder}/smp_affinity") is { } mask && SysfsValueParser.ParseWord(mask) is { IsPresent: true } hex)
            {
                // older captures hold only the hexadecimal mask (ff,ffffffff): shown as a CPU list, citing the mask's line
                irq.AffinityList = Fact<string>.Of(CpuList.Format(CpuList.FromMask(hex.Value)), hex.Source!);
            }
            if (context.Lines($"{folder}/effective_affinity_list") is { } effective) irq.EffectiveAffinityList = SysfsValueParser.ParseWord(effective);
            var list = irq.EffectiveAffinityList.IsPresent ? irq.EffectiveAffinityList : irq.AffinityList;
            irq.AffinityCpus = list.IsPresent ? CpuList.Expand(list.Value) : [];
            // the generic IRQ debugfs names managed interrupts outright
            if (context.Lines($"sys/kernel/debug/irq/irqs/{irq.Number}") is { } debug && debug.Numbered().Any(l => l.Text.Contains("AFFINITY_MANAGED", StringComparison.Ordinal)))
            {
                irq.IsManaged = true;
            }

            irq.ByNode = [.. facts.Numa.Nodes.Select(n => new NodeInterrupts
            {
                Node = n.Id,
                Count = n.CpuIds.Sum(irq.CountOnCpu),
                IrqsAffinedHere = irq.AffinityCpus.Count > 0 && irq.AffinityCpus.All(n.HasCpu) ? 1 : 0,
            })];
        }

        foreach (var node in facts.Numa.Nodes)
        {
            node.InterruptCount = irqs.Where(i => i.IsDevice).Sum(i => node.CpuIds.Sum(i.CountOnCpu));
        }

        foreach (var nic in facts.Nics)
        {
            var parent = NicFactsBuilder.ParentDeviceName(context, nic.Name);
            var bus = nic.IsPci ? nic.BusInfo.Value : null;
            nic.Interrupts = Summarise(facts, irqs.Where(i => i.IsDevice && BelongsToNic(i, nic.Name, bus, parent)));
        }

        foreach (var device in facts.BlockDevices)
        {
            if (NvmeController().Match(device.Name) is { Success: true } controller)
            {
                var prefix = controller.Groups["c"].Value + "q";
                device.Interrupts = Summarise(facts, irqs.Where(i => i.IsDevice && i.Device.StartsWith(prefix, StringComparison.Ordinal) && i.Device[prefix.Length..].All(char.IsAsciiDigit)));
            }
            else if (context.Bundle.Resolve($"sys/block/{device.Name}") is { } real
                     && real.Split('/').FirstOrDefault(p => VirtioDevice().IsMatch(p)) is { } virtio)
            {
                // virtio-blk queues are named after the virtio device: virtio7-req.0
                device.Interrupts = Summarise(facts, irqs.Where(i => i.IsDevice && i.Device.StartsWith(virtio + "-", StringComparison.Ordinal)));
            }
            else if (device.PciAddress.Length > 0 && irqs.Any(i => i.PciAddress == device.PciAddress))
            {
                // HBAs and RAID controllers: the MSI-X chip names the controller's PCI function
                device.Interrupts = Summarise(facts, irqs.Where(i => i.IsDevice && i.PciAddress == device.PciAddress));
            }
        }
    }

    private static bool BelongsToNic(Irq irq, string nic, string? busInfo, string? parent)
    {
        if (irq.Device == nic || irq.Device.StartsWith(nic + "-", StringComparison.Ordinal)) return true;
        if (busInfo is not null && irq.PciAddress == busInfo) return true;
        return parent is not null && parent != nic && irq.Device.StartsWith(parent + "-", StringComparison.Ordinal);
    }

    /// <summary>Totals of a set of IRQs per NUMA node, plus how tightly they are packed onto single CPUs.</summary>
    internal static IrqSummary Summarise(HostFacts facts, IEnumerable<Irq> irqs)
    {
        var list = irqs.ToList();
        var summary = new IrqSummary
        {
            Irqs = [.. list.Select(i => i.Number)],
            Lines = [.. list.Select(i => i.Line)],
            Affinities = [.. list.Select(i => i.EffectiveAffinityList.IsPresent ? i.EffectiveAffinityList : i.AffinityList).Where(f => f.IsPresent)],
            TotalCount = list.Sum(i => i.Total),
            IrqsWithAffinity = list.Count(i => i.AffinityCpus.Count > 0),
            ByNode = [.. facts.Numa.Nodes.Select(n => new NodeInterrupts
            {
                Node = n.Id,
                Count = list.Sum(i => i.ByNode.FirstOrDefault(b => b.Node == n.Id)?.Count ?? 0),
                IrqsAffinedHere = list.Sum(i => i.ByNode.FirstOrDefault(b => b.Node == n.Id)?.IrqsAffinedHere ?? 0),
            })],
        };
        summary.UnmappedCount = summary.TotalCount - summary.ByNode.Sum(n => n.Count);
        var byCpu = list.Select(ServingCpu).Where(c => c >= 0).GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
        if (byCpu is not null)
        {
            summary.MaxIrqsOnOneCpu = byCpu.Count();
            summary.BusiestCpu = byCpu.Key;
        }

        return summary;
    }

    /// <summary>The single CPU an IRQ is bound to, else the CPU that served most of it, else -1.</summary>
    private static int ServingCpu(Irq irq)
    {
        if (irq.AffinityCpus.Count == 1) return irq.AffinityCpus[0];
        if (irq.Total == 0 || irq.Counts.Count == 0) return -1;
        var max = irq.Counts.Max();
        return irq.Cpus[irq.Counts.IndexOf(max)];
    }

    [GeneratedRegex(@"^virtio\d+$")]
    private static partial Regex VirtioDevice();

    [GeneratedRegex(@"^(?<c>nvme\d+)(c\d+)?n\d+$")]
    private static partial Regex NvmeController();
}
