using Advisor.Parsing;

namespace Advisor.Tests.Parsing;

/// <summary>No public capture holds installed-rpms; the lines follow sos's format (<c>rpm -qa --queryformat</c>).</summary>
public sealed class RpmListParserTests
{
    [Fact]
    public void Name_version_release_and_arch()
    {
        var text = "kernel-3.10.0-1160.el7.x86_64                               Wed Nov 11 10:00:00 2020\r\n"
                   + "device-mapper-libs-1.02.170-6.el7.x86_64                    Wed Nov 11 10:00:00 2020\r\n"
                   + "gpg-pubkey-f4a80eb5-53a7ff4b                                Wed Nov 11 10:00:00 2020\r\n"
                   + "garbage\r\n";

        var packages = RpmListParser.Parse(new TextLines(RpmListParser.SosPath, text)).Value!;

        Assert.Equal(("kernel", "3.10.0-1160.el7", "x86_64"), (packages[0].Name, packages[0].Version.Value, packages[0].Architecture));
        Assert.Equal(("device-mapper-libs", "1.02.170-6.el7"), (packages[1].Name, packages[1].Version.Value));
        Assert.Equal(("gpg-pubkey", "f4a80eb5-53a7ff4b"), (packages[2].Name, packages[2].Version.Value));
        Assert.Equal(3, packages.Count);
        Assert.True(packages[0].IsInstalled);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(RpmListParser.Parse(new TextLines("r", "")).IsUsable);
        Assert.False(RpmListParser.Parse(new TextLines("r", "error: rpmdb: BDB0113 Thread/process failed: Permission denied\n")).IsUsable);
    }
}
