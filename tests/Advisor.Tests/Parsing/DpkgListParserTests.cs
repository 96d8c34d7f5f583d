using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class DpkgListParserTests
{
    [Fact]
    public void Hotsos_dpkg_list()
    {
        var packages = DpkgListParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DpkgListParser.SosPath)).Value!;

        Assert.Equal(1072, packages.Count);
        var image = packages.Single(p => p.Name == "linux-image-5.4.0-97-generic");
        Assert.Equal(("5.4.0-97.110", "amd64", "ii"), (image.Version.Value, image.Architecture, image.State));
        Assert.Equal(636, image.Version.Source!.Line);
        Assert.Equal("1.6.0-3ubuntu1", packages.Single(p => p.Name == "irqbalance").Version.Value);
    }

    [Fact]
    public void Multiarch_names_removed_packages_and_odd_inputs()
    {
        var packages = DpkgListParser.Parse(new TextLines("dpkg_-l", "||/ Name Version Architecture Description\r\n+++-====-====\r\nii  libc6:amd64  2.31-0ubuntu9.7  amd64  GNU C Library\r\nrc  linux-image-5.4.0-91-generic  5.4.0-91.102  amd64  old\r\nii  trunc")).Value!;

        Assert.Equal(("libc6", "amd64", "2.31-0ubuntu9.7"), (packages[0].Name, packages[0].Architecture, packages[0].Version.Value));
        Assert.False(packages[1].IsInstalled);
        Assert.Equal(2, packages.Count);
        Assert.False(DpkgListParser.Parse(new TextLines("d", "")).IsUsable);
        Assert.False(DpkgListParser.Parse(new TextLines("d", "dpkg-query: no packages found matching x\n")).IsUsable);
    }
}
