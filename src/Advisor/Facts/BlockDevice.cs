namespace Advisor.Facts;

public sealed class BlockDevice
{
    public string Name { get; set; } = "";

    /// <summary>nvme, sata/scsi, virtio, dm, md, loop, bcache… derived from the kernel name.</summary>
    public string Transport { get; set; } = "";

    public BlockQueue Queue { get; set; } = new();

    public bool IsNvme => Transport == "nvme";
}

/// <summary>The files of <c>sys/block/&lt;dev&gt;/queue/</c> the rules read.</summary>
public sealed class BlockQueue
{
    public Fact<int> Nomerges { get; set; } = Fact<int>.Missing("no queue/nomerges file");
    public Fact<int> Rotational { get; set; } = Fact<int>.Missing("no queue/rotational file");
    /// <summary>The active scheduler (the bracketed one).</summary>
    public Fact<string> Scheduler { get; set; } = Fact<string>.Missing("no queue/scheduler file");
}
