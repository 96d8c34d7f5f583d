namespace Advisor.Facts;

/// <summary>Device-mapper devices (dmsetup table/status/info) and LVM logical volumes (lvs).</summary>
public sealed class DeviceMapperFacts
{
    public List<DeviceMapperDevice> Devices { get; set; } = [];
    public List<LogicalVolume> LogicalVolumes { get; set; } = [];

    public DeviceMapperDevice? Device(string name) => Devices.FirstOrDefault(d => d.Name == name || d.KernelName == name);
}
