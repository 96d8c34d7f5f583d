using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class MeminfoParserTests
{
    [Fact]
    public void Hotsos_ceph_mon_container_meminfo()
    {
        var meminfo = MeminfoParser.Parse(RealCaptures.FileOf(RealCaptures.CephMon, MeminfoParser.SosPath)).Value!;

        Assert.Equal(2097152, meminfo["MemTotal"].Value);
        Assert.Equal(818588, meminfo["MemAvailable"].Value);
        Assert.Equal(3, meminfo["MemAvailable"].Source!.Line);
        Assert.Equal(0, meminfo["HugePages_Total"].Value);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(MeminfoParser.Parse(new TextLines("m", "")).IsUsable);
        Assert.False(MeminfoParser.Parse(new TextLines("m", "MemFree: 5 kB\n")).IsUsable);
        Assert.Equal(7, MeminfoParser.Parse(new TextLines("m", "MemTotal: 7 kB\r\nNew: x y z\r\nMemFr")).Value!["MemTotal"].Value);
    }
}
