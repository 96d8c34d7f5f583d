using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class ProcInterruptsParserTests
{
    [Fact]
    public void Milan0_has_128_cpu_columns_nvme_queues_and_broadcom_queues_with_pci_addresses()
    {
        var irqs = ProcInterruptsParser.Parse(RealCaptures.Sample("intel-stats-collect/milan0/interrupts.txt")).Value!;

        var nvme = irqs.Single(i => i.Device == "nvme0q4");
        Assert.Equal("229", nvme.Number);
        Assert.Equal(128, nvme.Counts.Count);
        Assert.Equal(11, nvme.Total);
        Assert.Equal(11, nvme.CountOnCpu(19));
        Assert.Equal("IR-PCI-MSIX-0000:01:00.0", nvme.Chip);
        Assert.Equal("4-edge", nvme.HardwareIrq);
        Assert.Equal("0000:01:00.0", nvme.PciAddress);
        Assert.Equal(4, nvme.Queue);
        Assert.True(nvme.IsManaged);
        Assert.Equal(161, nvme.Source.Line);
        Assert.False(irqs.Single(i => i.Device == "nvme0q0").IsManaged);
        Assert.Equal(129, irqs.Count(i => i.Device.StartsWith("nvme0q", StringComparison.Ordinal)));

        var nic = irqs.Single(i => i.Device == "eno12399np0-TxRx-3");
        Assert.Equal("156", nic.Number);
        Assert.Equal("0000:63:00.0", nic.PciAddress);
        Assert.Equal(3, nic.Queue);
        Assert.False(nic.IsManaged);
        Assert.Equal(32, irqs.Count(i => i.Device.StartsWith("eno12399np0-TxRx-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Summary_rows_keep_their_counts_and_description()
    {
        var irqs = ProcInterruptsParser.Parse(RealCaptures.Sample("insights-core/proc_interrupts/1.txt")).Value!;

        var local = irqs.Single(i => i.Number == "LOC");
        Assert.False(local.IsDevice);
        Assert.Equal(7561411, local.Counts[0]);
        Assert.Equal("Local timer interrupts", local.Name);
        var ahci = irqs.Single(i => i.Number == "27");
        Assert.Equal("ahci", ahci.Device);
        Assert.Equal("0000:00:1f.2", ahci.PciAddress);
        Assert.Equal(242965 + 155333 + 52536 + 47894 + 35496 + 32961 + 27934 + 96634, ahci.Total);
        Assert.Equal("enp0s25", irqs.Single(i => i.Number == "29").Device);
    }

    [Fact]
    public void Two_cpu_guest_and_adl0_parse()
    {
        var guest = ProcInterruptsParser.Parse(RealCaptures.Sample("jc/linux-proc/interrupts")).Value!;
        var ens33 = guest.Single(i => i.Number == "19");
        Assert.Equal([0L, 126705L], ens33.Counts);
        Assert.Equal("IO-APIC", ens33.Chip);
        Assert.Equal("19-fasteoi", ens33.HardwareIrq);
        Assert.Equal("ens33", ens33.Device);
        Assert.Equal("vmwgfx, snd_ens1371", guest.Single(i => i.Number == "16").Name);

        var adl0 = ProcInterruptsParser.Parse(RealCaptures.Sample("intel-stats-collect/adl0/interrupts.txt")).Value!;
        Assert.Equal(16, adl0.First().Counts.Count);
        Assert.Equal("144", adl0.Single(i => i.Device == "nvme0q1").Number);
    }

    [Fact]
    public void Hotsos_guest_virtio_queues()
    {
        var irqs = ProcInterruptsParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, ProcInterruptsParser.SosPath)).Value!;

        var output = irqs.Single(i => i.Number == "45");
        Assert.Equal("virtio5-output.0", output.Device);
        Assert.Equal([10L, 22L], output.Counts);
        Assert.Equal(0, output.Queue);
    }

    [Fact]
    public void Old_kernel_chip_with_trigger_and_mlx5_pci_suffix()
    {
        var text = """
                       CPU0       CPU1       CPU2       CPU3
              0:         45          0          0          0   IO-APIC-edge      timer
            120:       1000          2          0       5000   PCI-MSI-edge      mlx5_comp3@pci:0000:3b:00.0
            121:          1          2          3   IR-PCI-MSI 524288-edge      nvme0q1, extra-column
            122:          7
            """;

        var irqs = ProcInterruptsParser.Parse(new TextLines(ProcInterruptsParser.SosPath, text.Replace("\n", "\r\n"))).Value!;

        Assert.Equal("IO-APIC-edge", irqs[0].Chip);
        Assert.Equal("timer", irqs[0].Device);
        var mlx = irqs[1];
        Assert.Equal("mlx5_comp3", mlx.Device);
        Assert.Equal("0000:3b:00.0", mlx.PciAddress);
        Assert.Equal(3, mlx.Queue);
        Assert.Equal(6002, mlx.Total);
        Assert.Equal(3, irqs[2].Counts.Count);
        Assert.Equal("nvme0q1", irqs[2].Device);
        Assert.Equal([7L], irqs[3].Counts);
    }

    [Fact]
    public void A_queue_number_too_long_for_an_int_leaves_the_queue_unknown_and_the_rest_parsed()
    {
        var text = """
                       CPU0       CPU1
            149:          0        103   IR-PCI-MSIX-0000:01:00.0    6-edge      nvme0q699999999999999999999999
            150:          0        582   IR-PCI-MSIX-0000:01:00.0    7-edge      nvme0q7
            """;

        var irqs = ProcInterruptsParser.Parse(new TextLines(ProcInterruptsParser.SosPath, text)).Value!;

        Assert.Equal(-1, irqs[0].Queue);
        Assert.Equal("nvme0q699999999999999999999999", irqs[0].Device);
        Assert.Equal(103, irqs[0].Total);
        Assert.Equal(7, irqs[1].Queue);
    }

    [Fact]
    public void Empty_error_and_headerless_files_are_unusable()
    {
        Assert.False(ProcInterruptsParser.Parse(new TextLines("proc/interrupts", "\n\n")).IsUsable);
        Assert.False(ProcInterruptsParser.Parse(new TextLines("proc/interrupts", "cat: /proc/interrupts: No such file or directory")).IsUsable);
        Assert.Contains("no CPU header", ProcInterruptsParser.Parse(new TextLines("proc/interrupts", "  0: 1 2 timer")).UnusableReason);
    }
}
