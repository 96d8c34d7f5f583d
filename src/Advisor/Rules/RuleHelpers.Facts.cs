using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>Helpers over facts for what rule expressions cannot say cleanly: NUMA placement of IRQs, device classes, evidence.</summary>
public static partial class Helpers
{
    private static readonly string[] SsdModelMarkers =
    [
        "SSD", "Solid State", "SAMSUNG MZ", "MZ7", "MZ-", "Micron_", "MTFD", "INTEL SSD", "KINGSTON SA", "KINGSTON SE", "CT250", "CT500", "CT1000", "CT2000",
        "SanDisk SD", "WDS", "Seagate XF", "ST480", "XS960", "XS1920", "HUSMM", "HUSMR", "PX02", "PX04", "PX05", "THNSF", "KPM5", "KXG",
    ];

    private static readonly string[] RaidVolumeMarkers =
    [
        "PERC", "LOGICAL VOLUME", "MR9", "MegaRAID", "ServeRAID", "RAID", "Virtual Disk", "VIRTUAL-DISK", "Smart Array", "LSI", "AVAGO", "HPE Smart",
    ];

    /// <summary>True when the host is known to be a VM or container; bare-metal checks skip such hosts instead of reporting them not evaluated.</summary>
    public static bool IsKnownVirtual(HostFacts host) =>
        host.Platform.Virtualization.IsPresent && host.Platform.Virtualization.Value != "none";

    private static readonly string[] IoControllerClasses =
    [
        "Ethernet controller", "Network controller", "Infiniband controller", "Fabric controller", "Non-Volatile memory controller",
        "RAID bus controller", "Serial Attached SCSI controller", "SCSI storage controller", "Fibre Channel", "Mass storage controller", "SATA controller",
    ];

    /// <summary>A NIC or storage controller: a device whose PCIe link speed is its throughput, and which does not downclock when idle as GPUs do.</summary>
    public static bool IsIoController(PciDevice pci) =>
        IoControllerClasses.Any(c => pci.Class.Contains(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a disk model string names a solid-state drive.</summary>
    public static bool LooksLikeSsd(string? model) =>
        model is not null && SsdModelMarkers.Any(m => model.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a disk model string names a RAID controller's logical volume, whose cache the controller manages.</summary>
    public static bool LooksLikeRaidVolume(string? model) =>
        model is not null && RaidVolumeMarkers.Any(m => model.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>A flash device: NVMe, or a SCSI/SATA disk that is flagged non-rotational or whose model names an SSD.</summary>
    public static bool IsFastDevice(BlockDevice device) =>
        device.IsNvme
        || (device.Transport == "scsi"
            && ((device.Queue.Rotational.IsPresent && device.Queue.Rotational.Value == 0) || (device.Model.IsPresent && LooksLikeSsd(device.Model.Value))));

    /// <summary>The scheduler to switch a fast device to: none for NVMe, else mq-deadline, deadline or noop, whichever it offers.</summary>
    public static string SuggestedScheduler(BlockDevice device)
    {
        var offered = device.Queue.AvailableSchedulers.IsPresent ? device.Queue.AvailableSchedulers.Value : [];
        foreach (var choice in device.IsNvme ? new[] { "none", "mq-deadline" } : ["mq-deadline", "deadline", "none", "noop"])
        {
            if (offered.Contains(choice)) return choice;
        }

        return device.IsNvme ? "none" : "deadline";
    }

    /// <summary>IRQs of the set whose affinity lies wholly on NUMA node <paramref name="node"/>.</summary>
    public static int IrqsConfinedTo(IrqSummary interrupts, int node) =>
        interrupts.ByNode.Where(n => n.Node == node).Sum(n => n.IrqsAffinedHere);

    /// <summary>IRQs of the set whose affinity lies wholly on nodes other than <paramref name="node"/>.</summary>
    public static int IrqsConfinedElsewhere(IrqSummary interrupts, int node) =>
        interrupts.ByNode.Where(n => n.Node != node).Sum(n => n.IrqsAffinedHere);

    /// <summary>Percentage (0–100) of the set's interrupts served on nodes other than <paramref name="node"/>.</summary>
    public static int PercentServedElsewhere(IrqSummary interrupts, int node) =>
        (int)Math.Round(interrupts.OffNodeShare(node) * 100);

    /// <summary>The CPU list of NUMA node <paramref name="node"/> as the kernel prints it, or "" when unknown.</summary>
    public static string NodeCpus(HostFacts host, int node) =>
        host.Numa.Node(node) is { Cpus.IsPresent: true } found ? found.Cpus.Value : "";

    /// <summary>The IRQ numbers of the set, space-separated (as a shell loop takes them).</summary>
    public static string IrqNumbers(IrqSummary interrupts) => string.Join(' ', interrupts.Irqs);

    /// <summary>
    /// A fact saying whether a kind of input was collected at all: present (with how many items) when the list has
    /// items, missing otherwise. Lets a rule over a list report "not evaluated" instead of passing on nothing.
    /// </summary>
    public static Fact<int> Collected(System.Collections.ICollection items, string what) =>
        items.Count > 0
            ? Fact<int>.Of(items.Count, new Evidence(what, 0, $"{items.Count} collected"))
            : Fact<int>.Missing($"{what} not in the bundle");

    /// <summary>Kernel log lines containing <paramref name="text"/>, for evidence (at most <paramref name="max"/>).</summary>
    public static List<Evidence> LogLines(HostFacts host, string text, int max) =>
        [.. host.KernelLog.Lines.Where(l => l.Contains(text)).Select(l => l.Source).Take(max)];
}
