using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class DmsetupInfoParserTests
{
    [Fact]
    public void Insights_dmsetup_info_C_rows()
    {
        var rows = DmsetupInfoParser.Parse(RealCaptures.Sample("insights-core/dmsetup_info_-C/1.txt")).Value!;

        Assert.Equal(11, rows.Count);
        var tmp = rows.Single(r => r.Name == "VG00-tmp");
        Assert.Equal("253:8", tmp.MajorMinor.Value);
        Assert.Equal(1, tmp.OpenCount.Value);
        Assert.Equal("LVM-gy9uAwD7LuTIApplr2sogbOx5iS0FTax6lLmBji2ueSbX49gxcV76M29cmukQiw4", tmp.Uuid.Value);
        Assert.Equal(2, tmp.MajorMinor.Source!.Line);
    }

    [Fact]
    public void Hotsos_open_count()
    {
        var info = DmsetupInfoParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DmsetupInfoParser.SosPath)).Value!;

        Assert.Equal(24, info.Single(r => r.Name.StartsWith("ceph--", StringComparison.Ordinal)).OpenCount.Value);
        Assert.Equal("253:2", info.Single(r => r.Name == "crypt-88244ad9-372d-427e-9d82-c411c73d900a").MajorMinor.Value);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.Empty(DmsetupInfoParser.Parse(new TextLines("i", "")).Value!);
        Assert.Empty(DmsetupInfoParser.Parse(new TextLines("i", "No devices found\n")).Value!);
        Assert.False(DmsetupInfoParser.Parse(new TextLines("i", "/dev/mapper/control: open failed: Permission denied\n")).IsUsable);
        Assert.Single(DmsetupInfoParser.Parse(new TextLines("i", "Name Maj Min Stat Open Targ Event UUID New\r\na 253 0 L--w 1 1 0 U x\r\nb 25")).Value!);
    }
}
