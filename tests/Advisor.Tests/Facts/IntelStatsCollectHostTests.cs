using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>
/// intel/stats-collect's milan0 capture (Dell R7525, 2x EPYC 7543) placed at sos paths and read as a bundle: no sysfs,
/// so block devices come from lsblk and nothing maps CPUs to nodes.
/// </summary>
public sealed class IntelStatsCollectHostTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Milan0_as_a_bundle()
    {
        string Sample(string name) => File.ReadAllText(TestPaths.RealData($"samples/intel-stats-collect/milan0/{name}"));
        var bundle = new BundleBuilder("sosreport-milan0-2025-01-12-stats")
            .File("proc/interrupts", Sample("interrupts.txt"))
            .File("sos_commands/kernel/dmesg", Sample("dmesg.txt"))
            .File("sos_commands/pci/lspci_-vvv", Sample("lspci-vvv.txt"))
            .File("sos_commands/hardware/dmidecode", Sample("dmidecode.txt"))
            .File("sos_commands/block/lsblk", Sample("lsblk.txt"))
            .File("proc/cmdline", Sample("proc_cmdline.txt"))
            .File("proc/cpuinfo", Sample("proc_cpuinfo.txt"))
            .WriteTarXz(temp.Combine("milan0.tar.xz"));

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(bundle, out _));

        Assert.Equal("6.13.0-rc6-custom-00051-geea6e4b4dfb8", facts.KernelLog.Lines[0].Text.Split(' ')[2]);
        Assert.Equal("none", facts.Platform.Virtualization.Value);
        Assert.Equal(2, facts.Platform.EnabledSockets);
        Assert.Equal(128, facts.Cpu.LogicalCpus.Value);
        Assert.Equal(["zram0", "nvme0n1"], facts.BlockDevices.Select(d => d.Name));
        var nvme = facts.FindBlockDevice("nvme0n1")!;
        Assert.Equal(129, nvme.Interrupts.IrqCount);
        Assert.False(nvme.Interrupts.HasNodeMap);
        Assert.Equal(128, facts.Irqs.Count(i => i.IsManaged));
        Assert.True(facts.FindPciDevice("e1:00.0")!.IsLinkDegraded);
        Assert.Equal(938, facts.KernelLog.Lines.Single(l => l.Device == "0000:e1:00.0" && l.Message.Contains("limited by", StringComparison.Ordinal)).Source.Line);
        Assert.Equal("on", facts.Kernel.ParameterValue("msr.allow_writes"));
        Assert.Empty(facts.Nics);
    }
}
