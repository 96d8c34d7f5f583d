using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class VmstatParserTests
{
    [Fact]
    public void Hotsos_compact_stall()
    {
        var vmstat = VmstatParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, VmstatParser.SosPath)).Value!;

        Assert.Equal(1038, vmstat["compact_stall"].Value);
        Assert.Equal(104, vmstat["compact_stall"].Source!.Line);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(VmstatParser.Parse(new TextLines("v", "")).IsUsable);
        Assert.False(VmstatParser.Parse(new TextLines("v", "nr_free_pages\n")).IsUsable);
        Assert.Equal(5, VmstatParser.Parse(new TextLines("v", "nr_free_pages 5\r\ncompact_st")).Value!["nr_free_pages"].Value);
    }
}
