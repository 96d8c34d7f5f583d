using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>
/// A two-socket host with an mlx5 NIC on node 1 whose completion interrupts are served on node 0 (the founding
/// incident), plus an NVMe controller with managed queues. No public capture has these files, so they are written
/// here in the kernel's formats.
/// </summary>
public sealed class NicNumaFactsTests : IDisposable
{
    private const string NicFolder = "sys/devices/pci0000:3a/0000:3a:00.0/0000:3b:00.0";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Mlx5_interrupts_served_off_the_nics_node_are_counted_per_node()
    {
        var facts = Build();

        Assert.Equal(["0-3", "4-7"], facts.Numa.Nodes.Select(n => n.Cpus.Value));
        var nic = facts.FindNic("ens1f0")!;
        Assert.Equal(("mlx5_core", "5.0-0", "0000:3b:00.0"), (nic.Driver.Value, nic.DriverVersion.Value, nic.BusInfo.Value));
        Assert.Equal(1, nic.NumaNode.Value);
        Assert.Equal($"{NicFolder}/numa_node".Replace(NicFolder, "sys/class/net/ens1f0/device", StringComparison.Ordinal), nic.NumaNode.Source!.Path);
        Assert.True(nic.IsPhysical);
        Assert.Equal(["120", "121", "122", "123"], nic.Interrupts.Irqs);
        Assert.Equal(4000 + 3000 + 2000 + 1000 + 100, nic.Interrupts.TotalCount);
        Assert.Equal(100, nic.Interrupts.CountOnNode(1));
        Assert.Equal(10000, nic.Interrupts.CountOffNode(1));
        Assert.Equal(10000.0 / 10100, nic.OffNodeInterruptShare);
        Assert.Equal(4, nic.IrqsAffinedOffNode);
        Assert.Equal(2, nic.Interrupts.MaxIrqsOnOneCpu);
        Assert.Equal(0, nic.Interrupts.BusiestCpu);
        Assert.Equal([3, 4, 5, 6], nic.Interrupts.Lines.Select(l => l.Source!.Line));
        Assert.Equal(["0", "0", "1", "2-3"], nic.Interrupts.Affinities.Select(a => a.Value));

        var virtio = facts.FindNic("ens3")!;
        Assert.Equal(0, virtio.NumaNode.Value);
        Assert.Equal("sys/bus/pci/devices/0000:00:03.0/numa_node", virtio.NumaNode.Source!.Path);
        Assert.True(virtio.IsPhysical);

        var comp0 = facts.Irqs.Single(i => i.Device == "mlx5_comp0");
        Assert.Equal("0", comp0.AffinityList.Value);
        Assert.Equal("proc/irq/120/smp_affinity_list", comp0.AffinityList.Source!.Path);
        Assert.Equal([0], comp0.AffinityCpus);
        Assert.False(comp0.IsManaged);
        Assert.Equal(4000, comp0.ByNode.Single(n => n.Node == 0).Count);
    }

    [Fact]
    public void Nvme_queues_are_managed_and_summed_for_their_namespace()
    {
        var facts = Build();

        var queue = facts.Irqs.Single(i => i.Device == "nvme0q1");
        Assert.True(queue.IsManaged);
        Assert.Equal("4", queue.EffectiveAffinityList.Value);
        var second = facts.Irqs.Single(i => i.Device == "nvme0q2");
        Assert.Equal("4-5", second.AffinityList.Value);
        Assert.Equal("proc/irq/131/smp_affinity", second.AffinityList.Source!.Path);
        var nvme = facts.FindBlockDevice("nvme0n1")!;
        Assert.Equal(["129", "130", "131"], nvme.Interrupts.Irqs); // the admin queue q0 belongs to the controller too
        Assert.Equal(900, nvme.Interrupts.TotalCount);
        Assert.Equal(700, nvme.Interrupts.CountOnNode(1));
        Assert.Equal(2, nvme.Queue.Nomerges.Value);
        Assert.Equal("none", nvme.Queue.Scheduler.Value);
        Assert.Equal("SAMSUNG MZQL23T8HCLS-00A07", nvme.Model.Value);
        Assert.Equal(40 + 10100 + 900, facts.Numa.Nodes.Sum(n => n.InterruptCount)); // timer + NIC + NVMe
    }

    private HostFacts Build()
    {
        var interrupts = """
                       CPU0       CPU1       CPU2       CPU3       CPU4       CPU5       CPU6       CPU7
              0:         40          0          0          0          0          0          0          0   IR-IO-APIC    2-edge      timer
            120:       4000          0          0          0          0          0          0          0   IR-PCI-MSI 31457280-edge      mlx5_comp0@pci:0000:3b:00.0
            121:       3000          0          0          0          0          0          0          0   IR-PCI-MSI 31457281-edge      mlx5_comp1@pci:0000:3b:00.0
            122:          0       2000          0          0          0          0          0          0   IR-PCI-MSI 31457282-edge      mlx5_comp2@pci:0000:3b:00.0
            123:          0          0       1000          0        100          0          0          0   IR-PCI-MSI 31457283-edge      mlx5_comp3@pci:0000:3b:00.0
            129:        200          0          0          0          0          0          0          0   IR-PCI-MSIX-0000:d8:00.0    0-edge      nvme0q0
            130:          0          0          0          0        300          0          0          0   IR-PCI-MSIX-0000:d8:00.0    1-edge      nvme0q1
            131:          0          0          0          0          0        400          0          0   IR-PCI-MSIX-0000:d8:00.0    2-edge      nvme0q2
            NMI:          0          0          0          0          0          0          0          0   Non-maskable interrupts
            """;
        var nvme = "sys/devices/pci0000:d7/0000:d7:00.0/0000:d8:00.0/nvme/nvme0";
        var builder = new BundleBuilder("sosreport-storage7-2021-03-01-abcdef")
            .File("sos_commands/kernel/uname_-a", "Linux storage7 5.4.0-66-generic #74-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("sys/devices/system/node/node0/cpulist", "0-3\n")
            .File("sys/devices/system/node/node1/cpulist", "4-7\n")
            .File("proc/interrupts", interrupts)
            .Symlink("sys/class/net/ens1f0", $"../../{NicFolder["sys/".Length..]}/net/ens1f0")
            .Symlink($"{NicFolder}/net/ens1f0/device", "../../../0000:3b:00.0")
            .File($"{NicFolder}/numa_node", "1\n")
            .Symlink("sys/bus/pci/devices/0000:00:03.0", "../../../devices/pci0000:00/0000:00:03.0")
            .File("sys/devices/pci0000:00/0000:00:03.0/numa_node", "0\n")
            .Symlink("sys/class/net/ens3", "../../devices/pci0000:00/0000:00:03.0/virtio0/net/ens3")
            .File("sys/devices/pci0000:00/0000:00:03.0/virtio0/net/ens3/mtu", "1500\n")
            .File("sos_commands/networking/ethtool_-i_ens3", "driver: virtio_net\nversion: 1.0.0\nbus-info: 0000:00:03.0\n")
            .File("sos_commands/networking/ethtool_-i_ens1f0", "driver: mlx5_core\nversion: 5.0-0\nfirmware-version: 16.27.2008 (MT_0000000012)\nexpansion-rom-version: \nbus-info: 0000:3b:00.0\nsupports-statistics: yes\n")
            .Symlink("sys/block/nvme0n1", $"../{nvme["sys/".Length..]}/nvme0n1")
            .File($"{nvme}/nvme0n1/queue/nomerges", "2\n")
            .File($"{nvme}/nvme0n1/queue/scheduler", "[none] mq-deadline\n")
            .File($"{nvme}/nvme0n1/dev", "259:0\n")
            .Symlink($"{nvme}/nvme0n1/device", "../../nvme0")
            .File($"{nvme}/model", "SAMSUNG MZQL23T8HCLS-00A07                \n");
        foreach (var (irq, cpu) in new[] { ("120", "0"), ("121", "0"), ("122", "1"), ("123", "2-3") })
        {
            builder.File($"proc/irq/{irq}/smp_affinity_list", cpu + "\n");
        }

        builder.File("proc/irq/130/smp_affinity_list", "4\n").File("proc/irq/130/effective_affinity_list", "4\n");
        builder.File("proc/irq/131/smp_affinity", "00000000,00000030\n");
        var path = builder.WriteTarGz(temp.Combine("numa.tar.gz"));
        return HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(path, out _));
    }
}
