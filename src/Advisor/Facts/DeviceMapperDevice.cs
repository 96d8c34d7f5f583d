namespace Advisor.Facts;

/// <summary>A device-mapper device: its table, status and info lines, and the stack beneath it.</summary>
public sealed class DeviceMapperDevice
{
    /// <summary>The dm name, e.g. <c>data-snap</c> or <c>crypt-3f1c…</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The kernel name, e.g. <c>dm-3</c>, when known.</summary>
    public string KernelName { get; set; } = "";

    public Fact<string> MajorMinor { get; set; } = Fact<string>.Missing("no dmsetup info -c line");
    public Fact<string> Uuid { get; set; } = Fact<string>.Missing("no dmsetup info -c line");
    public Fact<int> OpenCount { get; set; } = Fact<int>.Missing("no dmsetup info -c line");

    /// <summary>The targets of the table (first one decides <see cref="Type"/>).</summary>
    public List<DeviceMapperTarget> Targets { get; set; } = [];

    /// <summary><c>dmsetup status</c> lines for this device.</summary>
    public List<Fact<string>> Status { get; set; } = [];

    /// <summary>Devices directly beneath (kernel names, from sysfs slaves or the table's major:minor).</summary>
    public List<string> Underlying { get; set; } = [];

    /// <summary>Whole physical devices at the bottom of the stack, e.g. <c>nvme1n1</c>.</summary>
    public List<string> PhysicalDevices { get; set; } = [];

    public string Type => Targets.Count > 0 ? Targets[0].Type : "";

    public bool IsSnapshot => Targets.Any(t => t.IsSnapshot);

    public bool IsCrypt => Targets.Any(t => t.Type == "crypt");

    /// <summary>True when a table argument equals <paramref name="word"/> (e.g. <c>no_read_workqueue</c>).</summary>
    public bool HasArgument(string word) => Targets.Any(t => t.HasArgument(word));

    public bool IsOnNvme => PhysicalDevices.Any(d => BlockTransport.FromKernelName(d) == "nvme");

    /// <summary>The first table line, for evidence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> TableLine => Targets.Count > 0 ? Targets[0].Line : Fact<string>.Missing("no dmsetup table line");
}
