using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class LspciParserTests
{
    [Fact]
    public void Milan0_lnkcap_and_lnksta_per_device()
    {
        var devices = LspciParser.Parse(RealCaptures.Sample("intel-stats-collect/milan0/lspci-vvv.txt")).Value!;

        Assert.Equal(182, devices.Count);
        var nvme = devices.Single(d => d.Address == "0000:01:00.0");
        Assert.Equal("Non-Volatile memory controller", nvme.Class);
        Assert.Equal((16.0, 4), (nvme.MaxSpeed.Value, nvme.MaxWidth.Value));
        Assert.Equal((16.0, 4), (nvme.Speed.Value, nvme.Width.Value));
        Assert.Equal("nvme", nvme.Driver.Value);
        Assert.False(nvme.IsLinkDegraded);

        var bcm5720 = devices.Single(d => d.Address == "0000:e1:00.0");
        Assert.Equal(2, bcm5720.MaxWidth.Value);
        Assert.Equal(1, bcm5720.Width.Value);
        Assert.Equal(5.0, bcm5720.Speed.Value);
        Assert.True(bcm5720.IsLinkDegraded);
        Assert.Equal(8027, bcm5720.Width.Source!.Line);

        var bnxt = devices.Single(d => d.Address == "0000:63:00.0");
        Assert.Equal("Ethernet controller", bnxt.Class);
        Assert.Equal(16, bnxt.Width.Value);
    }

    [Fact]
    public void Adl0_and_hotsos_guest_parse()
    {
        var adl0 = LspciParser.Parse(RealCaptures.Sample("intel-stats-collect/adl0/lspci-vvv.txt")).Value!;
        Assert.Equal(20, adl0.Count);
        Assert.Equal(7, adl0.Count(d => d.MaxSpeed.IsPresent)); // seven LnkCap: lines (LnkCap2 lines are not link capabilities)

        var guest = LspciParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, "sos_commands/pci/lspci_-nnvv")).Value!;
        var ide = guest.Single(d => d.Address == "0000:00:01.1");
        Assert.Equal("IDE interface", ide.Class);
        Assert.Equal("ata_piix", ide.Driver.Value);
        Assert.Equal(FactState.Missing, ide.MaxSpeed.State);
    }

    [Theory]
    [InlineData("insights-core/lspci_-k/1.txt", 44, "0000:00:01.0", "pcieport")]
    [InlineData("insights-core/lspci_-k/2.txt", 6, "0000:00:07.1", "ata_piix")]
    public void Lspci_k_samples_with_and_without_domain(string sample, int count, string address, string driver)
    {
        var devices = LspciParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal(count, devices.Count);
        Assert.Equal(driver, devices.Single(d => d.Address == address).Driver.Value);
    }

    [Fact]
    public void Odd_link_lines_and_inputs()
    {
        var text = "3b:00.0 Ethernet controller [0200]: Mellanox Technologies MT28800 Family [ConnectX-5 Ex] [15b3:1019]\r\n"
                   + "\t\tLnkCap:\tPort #0, Speed 8GT/s, Width x16, ASPM not supported\r\n"
                   + "\t\tLnkSta:\tSpeed 2.5GT/s (downgraded), Width x8 (downgraded)\r\n"
                   + "\tKernel driver in use: mlx5_core\r\n"
                   + "d8:00.0 Non-Volatile memory controller: Intel\r\n"
                   + "\t\tLnkSta:\tSpeed unknown, Wid";

        var devices = LspciParser.Parse(new TextLines("lspci", text)).Value!;

        Assert.Equal("Ethernet controller", devices[0].Class);
        Assert.Equal((8.0, 16, 2.5, 8), (devices[0].MaxSpeed.Value, devices[0].MaxWidth.Value, devices[0].Speed.Value, devices[0].Width.Value));
        Assert.True(devices[0].IsLinkDegraded);
        Assert.Equal(FactState.Unusable, devices[1].Speed.State);
        Assert.False(devices[1].IsLinkDegraded);
        Assert.False(LspciParser.Parse(new TextLines("lspci", "")).IsUsable);
        Assert.False(LspciParser.Parse(new TextLines("lspci", "pcilib: Cannot open /proc/bus/pci\n")).IsUsable);
    }
}
