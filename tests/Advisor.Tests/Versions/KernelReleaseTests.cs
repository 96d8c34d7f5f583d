using Advisor.Versions;

namespace Advisor.Tests.Versions;

public sealed class KernelReleaseTests
{
    [Theory]
    [InlineData("4.4.0-1087-aws", "4.4.0", "1087", "aws", "")]
    [InlineData("5.4.0-97-generic", "5.4.0", "97", "generic", "")]
    [InlineData("3.10.0-1160.el7.x86_64", "3.10.0", "1160.el7", "", "")]
    [InlineData("5.14.0-427.13.1.el9_4", "5.14.0", "427.13.1.el9_4", "", "")]
    [InlineData("5.14.0-427.13.1.el9_4.x86_64", "5.14.0", "427.13.1.el9_4", "", "")]
    [InlineData("6.13.0-rc3", "6.13.0", "", "", "rc3")]
    [InlineData("6.13.0-rc6-custom-00051-geea6e4b4dfb8", "6.13.0", "custom-00051-geea6e4b4dfb8", "", "rc6")]
    [InlineData("6.11.4-301.fc41.x86_64", "6.11.4", "301.fc41", "", "")]
    [InlineData("6.8", "6.8.0", "", "", "")]
    public void Parts(string text, string upstream, string build, string flavour, string preRelease)
    {
        var release = KernelRelease.Parse(text)!;

        Assert.Equal(Version.Parse(upstream), release.Upstream);
        Assert.Equal((build, flavour, preRelease), (release.Build, release.Flavour, release.PreRelease));
    }

    [Theory]
    [InlineData("6.13.0-rc3", "6.13.0", -1)]
    [InlineData("6.13.0-rc3", "6.13.0-rc10", -1)]
    [InlineData("6.13.0-rc3", "6.12.9", 1)]
    [InlineData("4.4.0-1088-aws", "4.4.0-1087-aws", 1)]
    [InlineData("4.4.0-155-generic", "4.4.0-21-generic", 1)]
    [InlineData("5.14.0-427.13.1.el9_4", "5.14.0-427.el9", 1)]
    [InlineData("5.14.0-362.24.1.el9_3", "5.14.0-427.13.1.el9_4", -1)]
    [InlineData("3.10.0-1160.el7.x86_64", "3.10.0-1160.el7", 0)]
    [InlineData("4.15.0-158-generic", "5.4.0-97-generic", -1)]
    public void Ordering(string a, string b, int expected)
    {
        Assert.Equal(expected, KernelRelease.Parse(a)!.CompareTo(KernelRelease.Parse(b)!));
        Assert.Equal(-expected, KernelRelease.Parse(b)!.CompareTo(KernelRelease.Parse(a)!));
    }

    [Fact]
    public void Same_line_and_garbage()
    {
        Assert.True(KernelRelease.Parse("4.4.0-1087-aws")!.SameLineAs(KernelRelease.Parse("4.4.0-1088-aws")!));
        Assert.False(KernelRelease.Parse("4.4.0-1087-aws")!.SameLineAs(KernelRelease.Parse("4.4.0-155-generic")!));
        Assert.True(KernelRelease.Parse("5.14.0-427.el9")!.SameLineAs(KernelRelease.Parse("5.14.0-362.24.1.el9_3")!));
        Assert.Null(KernelRelease.Parse("garbage"));
        Assert.Null(KernelRelease.Parse(""));
    }
}
