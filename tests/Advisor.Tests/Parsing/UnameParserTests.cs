using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class UnameParserTests
{
    [Theory]
    [InlineData("jc/centos-7.7/uname-a.out", "localhost.localdomain", "3.10.0-1062.1.2.el7.x86_64")]
    [InlineData("jc/ubuntu-18.04/uname-a.out", "kbrazil-ubuntu", "4.15.0-65-generic")]
    public void Host_and_release(string sample, string host, string release)
    {
        var uname = UnameParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal((host, release), (uname.Hostname.Value, uname.Release.Value));
    }

    [Fact]
    public void Hotsos_and_odd_inputs()
    {
        Assert.Equal("5.4.0-97-generic", UnameParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, UnameParser.SosPath)).Value!.Release.Value);
        Assert.False(UnameParser.Parse(new TextLines("uname", "")).IsUsable);
        Assert.False(UnameParser.Parse(new TextLines("uname", "uname: command not found")).IsUsable);
        Assert.Equal("h", UnameParser.Parse(new TextLines("uname", "Linux h 6.8.0-1-generic #1 SMP\r\n")).Value!.Hostname.Value);
    }
}
