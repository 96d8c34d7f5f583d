using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>Whole bundles through every parser and builder: the two real hotsos captures.</summary>
public sealed class HostFactsBuilderTests
{
    [Fact]
    public void Hotsos_openstack_guest_identity_cpu_numa_and_platform()
    {
        var facts = RealCaptures.OpenstackHost;

        Assert.Equal("compute4", facts.Hostname.Value);
        Assert.Equal("5.4.0-97-generic", facts.Kernel.Release.Value);
        Assert.Equal("UUID=51babbe8-f78f-46a4-8830-d351c3830325", facts.Kernel.ParameterValue("root"));
        Assert.Equal("Ubuntu 20.04.3 LTS", facts.Os.PrettyName.Value);
        Assert.Equal("deb", facts.Packages.Format.Value);
        Assert.Equal("5.4.0-97.110", facts.Packages.VersionOf("linux-image-5.4.0-97-generic"));
        Assert.Equal(2, facts.Cpu.Sockets.Value);
        Assert.Equal("KVM", facts.Cpu.HypervisorVendor.Value);
        Assert.Equal("Mitigation: PTI", facts.Cpu.Vulnerability("meltdown").Value);
        Assert.Equal("0-1", Assert.Single(facts.Numa.Nodes).Cpus.Value);
        Assert.Equal(0, facts.Numa.NodeOfCpu(1));
        Assert.Equal("kvm", facts.Platform.Virtualization.Value);
        Assert.False(facts.Platform.IsBareMetal);
        Assert.Equal("SeaBIOS", facts.Platform.BiosVendor.Value);
        Assert.Equal("kvm-clock", facts.Clocksource.Current.Value);
        Assert.Equal(16393164, facts.Memory.TotalKiB.Value);
        Assert.Equal("sos_commands/memory/free", facts.Memory.TotalKiB.Source!.Path);
        Assert.Empty(facts.ParseWarnings);
    }

    [Fact]
    public void Hotsos_openstack_storage_stack_from_dm_crypt_down_to_virtio_disks()
    {
        var facts = RealCaptures.OpenstackHost;

        var vda = facts.FindBlockDevice("vda")!;
        Assert.Equal(("virtio", "mq-deadline", 1, "0000:00:0b.0"), (vda.Transport, vda.Queue.Scheduler.Value, vda.Queue.Rotational.Value, vda.PciAddress));
        Assert.Equal("252:0", vda.MajorMinor.Value);
        Assert.Equal("sys/block/vda/queue/scheduler", vda.Queue.Scheduler.Source!.Path);
        Assert.Equal(0, vda.Queue.Nomerges.Value);
        Assert.True(vda.Queue.Attributes.ContainsKey("max_sectors_kb"));
        Assert.Equal(vda.Queue.MaxSectorsKb.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), vda.Queue.Attribute("max_sectors_kb").Value);
        Assert.NotEmpty(vda.Interrupts.Irqs);

        var bcache1 = facts.FindBlockDevice("bcache1")!;
        Assert.Equal(["vdb", "vdc"], bcache1.PhysicalDevices.Order());

        var crypt = facts.DeviceMapper.Device("crypt-48858aa1-71a3-4f0e-95f3-a07d1d9a6749")!;
        Assert.Equal(("dm-0", "253:0", "crypt"), (crypt.KernelName, crypt.MajorMinor.Value, crypt.Type));
        Assert.True(crypt.IsCrypt);
        Assert.False(crypt.HasArgument("no_read_workqueue"));
        Assert.Equal(["bcache1"], crypt.Underlying);
        var osd = facts.DeviceMapper.Devices.Single(d => d.Name.StartsWith("ceph--", StringComparison.Ordinal));
        Assert.Equal(["dm-0"], osd.Underlying);
        Assert.Equal(["vdb", "vdc"], osd.PhysicalDevices.Order());
        Assert.Equal(["vdb", "vdc"], facts.FindBlockDevice(osd.KernelName)!.PhysicalDevices.Order());
        Assert.Equal("-wi-ao----", Assert.Single(facts.DeviceMapper.LogicalVolumes).Attributes);
    }

    [Fact]
    public void Hotsos_openstack_nics_irqs_log_settings_pci_and_services()
    {
        var facts = RealCaptures.OpenstackHost;

        var ens3 = facts.FindNic("ens3")!;
        Assert.Equal(("virtio_net", "0000:00:03.0"), (ens3.Driver.Value, ens3.BusInfo.Value));
        Assert.True(ens3.IsPhysical);
        Assert.Equal(FactState.Missing, ens3.NumaNode.State);
        Assert.Equal(["24", "25", "26"], ens3.Interrupts.Irqs);
        Assert.Equal(ens3.Interrupts.TotalCount, ens3.Interrupts.CountOnNode(0));
        Assert.Equal(0, ens3.OffNodeInterruptShare);
        Assert.DoesNotContain(facts.Nics, n => n.Name == "lo");
        Assert.False(facts.FindNic("br-int")!.IsPhysical);

        Assert.Equal("virtio5-output.0", facts.Irqs.Single(i => i.Number == "45").Device);
        Assert.Equal(facts.Irqs.Where(i => i.IsDevice).Sum(i => i.Total), facts.Numa.Nodes[0].InterruptCount);

        Assert.Equal("sos_commands/kernel/dmesg", facts.KernelLog.SourceFile.Value);
        Assert.True(facts.KernelLog.Contains("apparmor=\"DENIED\""));

        Assert.Equal("0", facts.Settings.SysctlValue("vm.zone_reclaim_mode"));
        Assert.Equal("madvise", facts.Settings.TransparentHugepageEnabled.Value);
        Assert.Equal(1038, facts.Settings.CompactStall.Value);

        Assert.Equal("ata_piix", facts.FindPciDevice("00:01.1")!.Driver.Value);
        Assert.True(facts.Services.IsActive("irqbalance"));
        Assert.True(facts.Services.IsEnabled("irqbalance"));
        Assert.Equal(FactState.Missing, facts.Services.ActiveState("mlnx-affinity").State);
        Assert.Equal(FactState.Missing, facts.Iostat.SourceFile.State);
    }

    [Fact]
    public void Hotsos_ceph_mon_container()
    {
        var facts = RealCaptures.CephMonHost;

        Assert.Equal("lxc", facts.Platform.Virtualization.Value);
        Assert.Equal(2097152, facts.Memory.TotalKiB.Value);
        Assert.Equal(2.0, facts.Memory.TotalGiB);
        Assert.Equal("0,1", Assert.Single(facts.Numa.Nodes).Cpus.Value);
        var eth0 = facts.FindNic("eth0")!;
        Assert.Equal("veth", eth0.Driver.Value);
        Assert.Contains(facts.BlockDevices, d => d.Name == "vda");
    }

    [Fact]
    public void Facts_survive_the_json_round_trip_used_by_the_database()
    {
        var facts = RealCaptures.OpenstackHost;

        var copy = FactsJson.Deserialize(FactsJson.Serialize(facts));

        Assert.Equal(facts.Irqs.Count, copy.Irqs.Count);
        Assert.Equal(["24", "25", "26"], copy.FindNic("ens3")!.Interrupts.Irqs);
        Assert.Equal("mq-deadline", copy.FindBlockDevice("vda")!.Queue.Scheduler.Value);
        Assert.Equal(facts.KernelLog.Lines.Count, copy.KernelLog.Lines.Count);
        Assert.Equal(["vdb", "vdc"], copy.DeviceMapper.Device("dm-0")!.PhysicalDevices.Order());
        Assert.Equal("Mitigation: PTI", copy.Cpu.Vulnerability("meltdown").Value);
    }
}
