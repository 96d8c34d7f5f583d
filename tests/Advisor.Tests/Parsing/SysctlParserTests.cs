using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class SysctlParserTests
{
    [Fact]
    public void Hotsos_sysctl()
    {
        var sysctl = SysctlParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, SysctlParser.SosPath)).Value!;

        Assert.Equal("0", sysctl["vm.zone_reclaim_mode"].Value);
        Assert.Equal(3392, sysctl["vm.zone_reclaim_mode"].Source!.Line);
        Assert.Equal("20", sysctl["vm.dirty_ratio"].Value);
        Assert.Equal("compute4", sysctl["kernel.hostname"].Value);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(SysctlParser.Parse(new TextLines("s", "")).IsUsable);
        Assert.False(SysctlParser.Parse(new TextLines("s", "sysctl: permission denied on key 'fs.protected_hardlinks'\n")).IsUsable);
        var values = SysctlParser.Parse(new TextLines("s", "x.y = a b\r\nkernel/z=1\r\nbroken")).Value!;
        Assert.Equal("a b", values["x.y"].Value);
        Assert.Equal("1", values["kernel.z"].Value);
        Assert.Equal(2, values.Count);
        var mixed = SysctlParser.Parse(new TextLines("s", "sysctl: permission denied on key 'fs.protected_hardlinks'\nsysctl: reading key \"net.ipv6.conf.all.stable_secret\"\nvm.swappiness = 60\n")).Value!;
        Assert.Equal("60", Assert.Single(mixed).Value.Value);
    }
}
