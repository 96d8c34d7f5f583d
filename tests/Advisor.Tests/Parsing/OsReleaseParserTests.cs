using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class OsReleaseParserTests
{
    [Theory]
    [InlineData("insights-core/etc_os-release/1.txt", "Employee SKU", "rhel", "7.2")]
    [InlineData("insights-core/etc_os-release/2.txt", "Red Hat Virtualization Host 4.0 (el7.3)", "rhel", "7.3")]
    [InlineData("insights-core/etc_os-release/3.txt", "Fedora 24 (Server Edition)", "fedora", "24")]
    [InlineData("insights-core/etc_os-release/4.txt", "Red Hat Enterprise Linux 9.20240630.0.4 (Plow)", "rhel", "9.4")]
    [InlineData("jc/generic/os-release-centos", "CentOS Linux 7 (Core)", "centos", "7")]
    [InlineData("jc/generic/os-release-ubuntu", "Ubuntu 18.04.5 LTS", "ubuntu", "18.04")]
    public void Every_real_os_release(string sample, string pretty, string id, string version)
    {
        var os = OsReleaseParser.ParseOsRelease(RealCaptures.Sample(sample)).Value!;

        Assert.Equal((pretty, id, version), (os.PrettyName.Value, os.Id.Value, os.VersionId.Value));
    }

    [Fact]
    public void Ubuntu_id_like_and_hotsos_lsb_release()
    {
        Assert.Equal("debian", OsReleaseParser.ParseOsRelease(RealCaptures.Sample("jc/generic/os-release-ubuntu")).Value!.IdLike.Value);
        var lsb = OsReleaseParser.ParseLsbRelease(RealCaptures.FileOf(RealCaptures.Openstack, OsReleaseParser.LsbReleasePath)).Value!;
        Assert.Equal(("Ubuntu 20.04.3 LTS", "ubuntu", "20.04"), (lsb.PrettyName.Value, lsb.Id.Value, lsb.VersionId.Value));
        Assert.Equal(4, lsb.PrettyName.Source!.Line);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(OsReleaseParser.ParseOsRelease(new TextLines("etc/os-release", "")).IsUsable);
        Assert.False(OsReleaseParser.ParseOsRelease(new TextLines("etc/os-release", "# comment only\nFOO=bar\n")).IsUsable);
        Assert.Equal("X 1", OsReleaseParser.ParseOsRelease(new TextLines("etc/os-release", "NAME=X\r\nPRETTY_NAME=\"X 1\"\r\nID=x\r\nVERSION_ID=\"1")).Value!.PrettyName.Value);
    }
}
