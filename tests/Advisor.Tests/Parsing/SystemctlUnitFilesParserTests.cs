using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class SystemctlUnitFilesParserTests
{
    [Fact]
    public void Hotsos_unit_files()
    {
        var files = SystemctlUnitFilesParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, SystemctlUnitFilesParser.SosPath)).Value!;

        var irqbalance = files.Single(f => f.Name == "irqbalance.service");
        Assert.Equal("enabled", irqbalance.State.Value);
        Assert.Equal(95, irqbalance.State.Source!.Line);
        Assert.Equal("generated", files.Single(f => f.Name == "-.mount").State.Value);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(SystemctlUnitFilesParser.Parse(new TextLines("f", "")).IsUsable);
        Assert.Single(SystemctlUnitFilesParser.Parse(new TextLines("f", "UNIT FILE STATE\r\nirqbalance.service disabled\r\nx")).Value!);
    }
}
