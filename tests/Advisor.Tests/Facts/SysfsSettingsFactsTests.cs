using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>
/// A RHEL bare-metal host with the sysfs files no public capture holds together: per-CPU cpufreq, thermal throttle
/// counters, EDAC counts, THP, PCIe link files, a SATA disk with its cache type, an LVM snapshot, installed-rpms.
/// </summary>
public sealed class SysfsSettingsFactsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Cpu_memory_thp_pci_disk_and_package_facts_from_sysfs()
    {
        const string sda = "sys/devices/pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0";
        const string nic = "sys/devices/pci0000:00/0000:00:03.0/0000:3b:00.0";
        var builder = new BundleBuilder()
            .File("etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n")
            .File("installed-rpms", "kernel-5.14.0-427.13.1.el9_4.x86_64    Tue Jun  4 10:00:00 2024\nirqbalance-1.9.2-3.el9.x86_64    Tue Jun  4 10:00:00 2024\n")
            .File("sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n")
            .File("sys/kernel/mm/transparent_hugepage/defrag", "[always] defer defer+madvise madvise never\n")
            .File("proc/vmstat", "nr_free_pages 1000\ncompact_stall 98765\n")
            .File("sys/devices/system/cpu/vulnerabilities/meltdown", "Not affected\n")
            .File("sys/devices/system/cpu/vulnerabilities/spectre_v2", "Vulnerable: Retpolines, STIBP: disabled\n")
            .File("sys/devices/system/edac/mc/mc0/ce_count", "17\n")
            .File("sys/devices/system/edac/mc/mc0/ue_count", "0\n")
            .File("sys/devices/system/edac/mc/mc1/ce_count", "3\n")
            .Symlink($"sys/block/sda", $"../{sda["sys/".Length..]}/block/sda")
            .File($"{sda}/block/sda/queue/rotational", "1\n")
            .File($"{sda}/block/sda/queue/write_cache", "write through\n")
            .File($"{sda}/block/sda/queue/add_random", "1\n")
            .File($"{sda}/model", "ST4000NM0035-1V4\n")
            .Symlink($"{sda}/block/sda/device", "../../../2:0:0:0")
            .File($"{sda}/scsi_disk/2:0:0:0/cache_type", "write through\n")
            .Symlink("sys/bus/pci/devices/0000:3b:00.0", $"../../../devices/pci0000:00/0000:00:03.0/0000:3b:00.0")
            .File($"{nic}/max_link_speed", "8.0 GT/s PCIe\n")
            .File($"{nic}/max_link_width", "16\n")
            .File($"{nic}/current_link_speed", "2.5 GT/s PCIe\n")
            .File($"{nic}/current_link_width", "8\n")
            .File($"{nic}/numa_node", "1\n")
            .File("sos_commands/devicemapper/dmsetup_table", "data-snap: 0 209715200 snapshot 253:1 253:2 P 8\ndata-vol: 0 209715200 snapshot-origin 253:1\n");
        for (var cpu = 0; cpu < 4; cpu++)
        {
            builder.File($"sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_governor", cpu < 3 ? "ondemand\n" : "performance\n")
                .File($"sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_driver", "acpi-cpufreq\n")
                .File($"sys/devices/system/cpu/cpu{cpu}/thermal_throttle/core_throttle_count", $"{cpu * 10}\n")
                .File($"sys/devices/system/cpu/cpu{cpu}/thermal_throttle/package_throttle_count", "5\n");
        }

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(builder.WriteTarGz(temp.Combine("rhel.tar.gz")), out _));

        Assert.Equal("Red Hat Enterprise Linux release 9.4 (Plow)", facts.Os.RedHatRelease.Value);
        Assert.Equal("rpm", facts.Packages.Format.Value);
        Assert.Equal("1.9.2-3.el9", facts.Packages.VersionOf("irqbalance"));
        Assert.Equal("5.14.0-427.13.1.el9_4", facts.Packages.VersionOf("kernel"));

        Assert.Equal(["ondemand", "performance"], facts.Cpu.Governors);
        Assert.Equal(["acpi-cpufreq"], facts.Cpu.FrequencyDrivers);
        Assert.Equal("sys/devices/system/cpu/cpu3/cpufreq/scaling_governor", facts.Cpu.Frequency[3].Governor.Source!.Path);
        Assert.Equal(0 + 10 + 20 + 30, facts.Cpu.TotalThrottles("core"));
        Assert.Equal(20, facts.Cpu.TotalThrottles("package"));
        Assert.True(facts.Cpu.Vulnerabilities.Single(v => v.Name == "spectre_v2").IsVulnerable);
        Assert.Equal("Not affected", facts.Cpu.Vulnerability("meltdown").Value);

        Assert.Equal(20, facts.Platform.CorrectedMemoryErrors);
        Assert.Equal(17, facts.Platform.MemoryControllers.Single(m => m.Name == "mc0").CorrectedErrors.Value);
        Assert.Equal(FactState.Missing, facts.Platform.MemoryControllers.Single(m => m.Name == "mc1").UncorrectedErrors.State);

        Assert.Equal("always", facts.Settings.TransparentHugepageEnabled.Value);
        Assert.Equal("always", facts.Settings.TransparentHugepageDefrag.Value);
        Assert.Equal(98765, facts.Settings.CompactStall.Value);

        var disk = facts.FindBlockDevice("sda")!;
        Assert.Equal(("sata", "ST4000NM0035-1V4", "write through", "write through", 1), (disk.Transport, disk.Model.Value, disk.CacheType.Value, disk.Queue.WriteCache.Value, disk.Queue.AddRandom.Value));
        Assert.Equal("0000:00:17.0", disk.PciAddress);

        var pci = facts.FindPciDevice("0000:3b:00.0")!;
        Assert.Equal((8.0, 16, 2.5, 8, 1), (pci.MaxSpeed.Value, pci.MaxWidth.Value, pci.Speed.Value, pci.Width.Value, pci.NumaNode.Value));
        Assert.True(pci.IsLinkDegraded);
        Assert.Equal("sys/bus/pci/devices/0000:3b:00.0/current_link_width", pci.Width.Source!.Path);

        var snapshot = facts.DeviceMapperTargets.Single(t => t.Device == "data-snap");
        Assert.Equal(("253:1", "253:2", 8, true), (snapshot.SnapshotOrigin, snapshot.SnapshotCow, snapshot.SnapshotChunkSectors, snapshot.IsPersistentSnapshot));
        Assert.True(facts.DeviceMapper.Device("data-snap")!.IsSnapshot);
        Assert.Equal("253:1", facts.DeviceMapperTargets.Single(t => t.Device == "data-vol").SnapshotOrigin);
    }

    [Fact]
    public void Cpu_node_and_memory_controller_folders_numbered_beyond_an_int_are_left_out_and_the_others_kept()
    {
        var builder = new BundleBuilder()
            .File("sys/devices/system/node/node0/cpulist", "0-1\n")
            .File("sys/devices/system/node/node99999999999/cpulist", "2-3\n")
            .File("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n")
            .File("sys/devices/system/cpu/cpu99999999999/cpufreq/scaling_governor", "powersave\n")
            .File("sys/devices/system/edac/mc/mc0/ce_count", "4\n")
            .File("sys/devices/system/edac/mc/mc99999999999/ce_count", "5\n");

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(builder.WriteTarGz(temp.Combine("numbered.tar.gz")), out _));

        Assert.Equal(0, Assert.Single(facts.Numa.Nodes).Id);
        var policy = Assert.Single(facts.Cpu.Frequency);
        Assert.Equal(0, policy.Cpu);
        Assert.Equal("performance", policy.Governor.Value);
        Assert.Equal("mc0", Assert.Single(facts.Platform.MemoryControllers).Name);
    }
}
