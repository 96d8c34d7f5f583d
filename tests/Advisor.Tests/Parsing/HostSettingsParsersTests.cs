using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary>dpkg -l / installed-rpms, sysctl -a, proc/vmstat, systemctl lists and numactl --hardware.</summary>
public sealed class HostSettingsParsersTests
{
    [Fact]
    public void Hotsos_dpkg_list()
    {
        var packages = DpkgListParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DpkgListParser.SosPath)).Value!;

        Assert.Equal(1072, packages.Count);
        var image = packages.Single(p => p.Name == "linux-image-5.4.0-97-generic");
        Assert.Equal(("5.4.0-97.110", "amd64", "ii"), (image.Version.Value, image.Architecture, image.State));
        Assert.Equal(636, image.Version.Source!.Line);
        Assert.Equal("1.6.0-3ubuntu1", packages.Single(p => p.Name == "irqbalance").Version.Value);
    }

    [Fact]
    public void Installed_rpms_split_name_version_release_and_arch()
    {
        var text = "kernel-3.10.0-1160.el7.x86_64                               Wed Nov 11 10:00:00 2020\r\n"
                   + "device-mapper-libs-1.02.170-6.el7.x86_64                    Wed Nov 11 10:00:00 2020\r\n"
                   + "gpg-pubkey-f4a80eb5-53a7ff4b                                Wed Nov 11 10:00:00 2020\r\n"
                   + "garbage\r\n";

        var packages = RpmListParser.Parse(new TextLines(RpmListParser.SosPath, text)).Value!;

        Assert.Equal(("kernel", "3.10.0-1160.el7", "x86_64"), (packages[0].Name, packages[0].Version.Value, packages[0].Architecture));
        Assert.Equal(("device-mapper-libs", "1.02.170-6.el7"), (packages[1].Name, packages[1].Version.Value));
        Assert.Equal(("gpg-pubkey", "f4a80eb5-53a7ff4b"), (packages[2].Name, packages[2].Version.Value));
        Assert.Equal(3, packages.Count);
    }

    [Fact]
    public void Hotsos_sysctl_vmstat_and_services()
    {
        var bundle = RealCaptures.Openstack;
        var sysctl = SysctlParser.Parse(RealCaptures.FileOf(bundle, SysctlParser.SosPath)).Value!;
        Assert.Equal("0", sysctl["vm.zone_reclaim_mode"].Value);
        Assert.Equal(3392, sysctl["vm.zone_reclaim_mode"].Source!.Line);
        Assert.Equal("compute4", sysctl["kernel.hostname"].Value);

        var vmstat = VmstatParser.Parse(RealCaptures.FileOf(bundle, VmstatParser.SosPath)).Value!;
        Assert.Equal(1038, vmstat["compact_stall"].Value);
        Assert.Equal(104, vmstat["compact_stall"].Source!.Line);

        var units = SystemctlUnitsParser.Parse(RealCaptures.FileOf(bundle, SystemctlUnitsParser.SosPath)).Value!;
        var irqbalance = units.Single(u => u.Name == "irqbalance.service");
        Assert.Equal(("loaded", "active", "running"), (irqbalance.Load, irqbalance.Active, irqbalance.Sub));
        Assert.Equal(154, irqbalance.Source.Line);
        Assert.Equal(300, units.Count);

        var files = SystemctlUnitFilesParser.Parse(RealCaptures.FileOf(bundle, SystemctlUnitFilesParser.SosPath)).Value!;
        Assert.Equal("enabled", files.Single(f => f.Name == "irqbalance.service").State.Value);

        var numactl = NumactlHardwareParser.Parse(RealCaptures.FileOf(bundle, NumactlHardwareParser.SosPath)).Value!;
        Assert.Equal("0-1", Assert.Single(numactl.Nodes).Cpus.Value);
        Assert.Equal([10], Assert.Single(numactl.Distances).To);
    }

    [Fact]
    public void Two_node_numactl_and_failed_units()
    {
        var numactl = NumactlHardwareParser.Parse(new TextLines("n", "available: 2 nodes (0-1)\r\nnode 0 cpus: 0 1 2 3 8 9 10 11\r\nnode 0 size: 64000 MB\r\nnode 1 cpus: 4 5 6 7 12 13 14 15\r\nnode distances:\r\nnode   0   1\r\n  0:  10  21\r\n  1:  21  10\r\n")).Value!;
        Assert.Equal(["0-3,8-11", "4-7,12-15"], numactl.Nodes.Select(n => n.Cpus.Value));
        Assert.Equal([21, 10], numactl.Distances[1].To);

        var units = SystemctlUnitsParser.Parse(new TextLines("u", "  UNIT LOAD ACTIVE SUB DESCRIPTION\n● mlnx.service loaded failed failed Mellanox\n  irqbalance.service loaded inactive dead irqbalance daemon\n")).Value!;
        Assert.Equal("failed", units[0].Active);
        Assert.Equal("inactive", units[1].Active);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(DpkgListParser.Parse(new TextLines("d", "")).IsUsable);
        Assert.False(DpkgListParser.Parse(new TextLines("d", "dpkg-query: no packages found matching x\n")).IsUsable);
        Assert.False(SysctlParser.Parse(new TextLines("s", "sysctl: permission denied on key 'fs.protected_hardlinks'\n")).IsUsable);
        Assert.Equal("a b", SysctlParser.Parse(new TextLines("s", "x.y = a b\r\nkernel/z=1\r\nbroken")).Value!["x.y"].Value);
        Assert.Equal("1", SysctlParser.Parse(new TextLines("s", "kernel/z=1")).Value!["kernel.z"].Value);
        Assert.False(VmstatParser.Parse(new TextLines("v", "nr_free_pages\n")).IsUsable);
        Assert.False(SystemctlUnitsParser.Parse(new TextLines("u", "Failed to connect to bus: No such file or directory\n")).IsUsable);
        Assert.False(NumactlHardwareParser.Parse(new TextLines("n", "No NUMA available on this system\n")).IsUsable);
    }
}
