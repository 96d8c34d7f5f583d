namespace Advisor.Facts;

/// <summary>A whole block device from <c>sys/block/&lt;name&gt;</c> (or lsblk when sysfs was not collected).</summary>
public sealed class BlockDevice
{
    public string Name { get; set; } = "";

    /// <summary>nvme, scsi, sata, virtio, xen, dm, md, loop, bcache… from the kernel name (sata when sysfs shows an ata port).</summary>
    public string Transport { get; set; } = "";

    /// <summary><c>major:minor</c> from <c>sys/block/&lt;name&gt;/dev</c> or lsblk.</summary>
    public Fact<string> MajorMinor { get; set; } = Fact<string>.Missing("no sys/block/<dev>/dev file");

    /// <summary><c>sys/block/&lt;name&gt;/device/model</c> (SCSI/SATA/NVMe model string).</summary>
    public Fact<string> Model { get; set; } = Fact<string>.Missing("no device/model file");

    /// <summary><c>cache_type</c> of a SCSI disk: <c>write back</c>, <c>write through</c>…</summary>
    public Fact<string> CacheType { get; set; } = Fact<string>.Missing("no scsi_disk cache_type file");

    /// <summary>For a dm device, its device-mapper name (<c>sys/block/dm-N/dm/name</c> or lsblk).</summary>
    public Fact<string> DeviceMapperName { get; set; } = Fact<string>.Missing("not a device-mapper device");

    /// <summary>The devices this one is stacked on (<c>sys/block/&lt;name&gt;/slaves/*</c>).</summary>
    public List<string> Slaves { get; set; } = [];

    /// <summary>The devices stacked on this one (<c>sys/block/&lt;name&gt;/holders/*</c>).</summary>
    public List<string> Holders { get; set; } = [];

    /// <summary>The whole physical devices at the bottom of the stack (itself when not stacked), partitions resolved to their disk.</summary>
    public List<string> PhysicalDevices { get; set; } = [];

    /// <summary>The PCI address of the device's controller when its sysfs path shows one, e.g. <c>0000:3b:00.0</c>.</summary>
    public string PciAddress { get; set; } = "";

    public BlockQueue Queue { get; set; } = new();

    /// <summary>Interrupts of the device's controller: nvme0q0 (admin) and nvme0q1… for NVMe, virtioN-req.* for virtio-blk, else the IRQs of the controller's PCI function.</summary>
    public IrqSummary Interrupts { get; set; } = new();

    public bool IsNvme => Transport == "nvme";

    /// <summary>True for disks that queue to real hardware (nvme, scsi, sata, virtio, xen), not stacked or virtual devices.</summary>
    public bool IsPhysical => Transport is "nvme" or "scsi" or "sata" or "virtio" or "xen";

    public bool IsStacked => Slaves.Count > 0;

    /// <summary>True when any device at the bottom of the stack is NVMe.</summary>
    public bool IsOnNvme => PhysicalDevices.Any(d => BlockTransport.FromKernelName(d) == "nvme");
}
