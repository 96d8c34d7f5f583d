using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class EthtoolInfoParserTests
{
    [Fact]
    public void Bonding_has_no_bus_info_and_virtio_has_a_pci_address()
    {
        var bond = EthtoolInfoParser.Parse(RealCaptures.Sample("insights-core/ethtool_-i/1.txt")).Value!;
        Assert.Equal("bonding", bond.Driver.Value);
        Assert.Equal("3.6.0", bond.Version.Value);
        Assert.Equal("2", bond.FirmwareVersion.Value);
        Assert.Equal(FactState.Missing, bond.BusInfo.State);

        var virtio = EthtoolInfoParser.Parse(RealCaptures.Sample("insights-core/ethtool_-i/2.txt")).Value!;
        Assert.Equal("virtio_net", virtio.Driver.Value);
        Assert.Equal("0000:00:03.0", virtio.BusInfo.Value);
        Assert.Equal(4, virtio.BusInfo.Source!.Line);
        Assert.Equal(FactState.Missing, virtio.FirmwareVersion.State);
    }

    [Fact]
    public void Every_hotsos_ethtool_file_names_a_driver()
    {
        var files = RealCaptures.Openstack.CapturedFiles.Where(f => f.Path.StartsWith(EthtoolInfoParser.SosPathPrefix, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var parsed = EthtoolInfoParser.Parse(new TextLines(file));
            Assert.True(parsed.IsUsable || parsed.UnusableReason!.Contains("error message", StringComparison.Ordinal), $"{file.Path}: {parsed.UnusableReason}");
        }

        var ens3 = EthtoolInfoParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, EthtoolInfoParser.SosPathPrefix + "ens3")).Value!;
        Assert.Equal("virtio_net", ens3.Driver.Value);
        Assert.Equal("0000:00:03.0", ens3.BusInfo.Value);
    }

    [Fact]
    public void Mlx5_inbox_driver_and_odd_inputs()
    {
        var mlx = EthtoolInfoParser.Parse(new TextLines("ethtool_-i_ens1f0", "driver: mlx5_core\r\nversion: 5.0-0\r\nfirmware-version: 16.27.2008 (MT_0000000012)\r\nexpansion-rom-version: \r\nbus-info: 0000:3b:00.0\r\nsupports-statistics: yes\r\nsupports-te")).Value!;
        Assert.Equal(("mlx5_core", "5.0-0", "0000:3b:00.0"), (mlx.Driver.Value, mlx.Version.Value, mlx.BusInfo.Value));
        Assert.Equal("16.27.2008 (MT_0000000012)", mlx.FirmwareVersion.Value);

        Assert.False(EthtoolInfoParser.Parse(new TextLines("e", "")).IsUsable);
        Assert.Contains("error message", EthtoolInfoParser.Parse(new TextLines("e", "Cannot get driver information: Operation not supported\n")).UnusableReason);
        Assert.Contains("no 'driver:'", EthtoolInfoParser.Parse(new TextLines("e", "version: 1\n")).UnusableReason);
    }
}
