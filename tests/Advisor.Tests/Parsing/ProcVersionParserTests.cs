using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class ProcVersionParserTests
{
    [Theory]
    [InlineData("intel-pepc/hswep0/proc/version", "6.18.8-200.fc43.x86_64")]
    [InlineData("intel-pepc/milan0/proc/version", "6.18.0-rc1+")]
    public void Release_and_line(string sample, string release)
    {
        var version = ProcVersionParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.StartsWith("Linux version ", version.Line.Value);
        Assert.Equal(release, version.Release.Value);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(ProcVersionParser.Parse(new TextLines("proc/version", "")).IsUsable);
        Assert.False(ProcVersionParser.Parse(new TextLines("proc/version", "garbage\n")).IsUsable);
    }
}
