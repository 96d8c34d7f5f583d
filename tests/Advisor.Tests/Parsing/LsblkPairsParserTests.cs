using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class LsblkPairsParserTests
{
    [Fact]
    public void Pairs_from_insights_and_hotsos()
    {
        var insights = LsblkPairsParser.Parse(RealCaptures.Sample("insights-core/lsblk_-P_-o/1.txt")).Value!;
        var sda = insights.Single(r => r.Get("NAME") == "sda");
        Assert.Equal(("8:0", "WDC WD1600JS-75N", "cfq", "1"), (sda.Get("MAJ:MIN"), sda.Get("MODEL"), sda.Get("SCHED"), sda.Get("ROTA")));

        var hotsos = LsblkPairsParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, LsblkPairsParser.SosPath)).Value!;
        var vda = hotsos.First(r => r.Get("NAME") == "vda");
        Assert.Equal("252:0", vda.Get("MAJ:MIN"));
        Assert.Equal("disk", vda.Get("TYPE"));
    }

    [Fact]
    public void Escapes_and_odd_inputs()
    {
        var row = LsblkPairsParser.Parse(new TextLines("p", "NAME=\"vg-my\\x20lv\" TYPE=\"lvm\" NEW=\"1\"\r\nNAME=\"trunc")).Value!.Single();
        Assert.Equal(("vg-my lv", "lvm", "1"), (row.Get("NAME"), row.Get("TYPE"), row.Get("NEW")));
        Assert.False(LsblkPairsParser.Parse(new TextLines("p", "no pairs here\n")).IsUsable);
        Assert.False(LsblkPairsParser.Parse(new TextLines("p", "")).IsUsable);
    }
}
