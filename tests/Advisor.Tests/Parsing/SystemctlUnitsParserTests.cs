using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class SystemctlUnitsParserTests
{
    [Fact]
    public void Hotsos_list_units_without_the_legend()
    {
        var units = SystemctlUnitsParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, SystemctlUnitsParser.SosPath)).Value!;

        Assert.Equal(300, units.Count);
        var irqbalance = units.Single(u => u.Name == "irqbalance.service");
        Assert.Equal(("loaded", "active", "running"), (irqbalance.Load, irqbalance.Active, irqbalance.Sub));
        Assert.Equal(154, irqbalance.Source.Line);
    }

    [Fact]
    public void Failed_units_and_odd_inputs()
    {
        var units = SystemctlUnitsParser.Parse(new TextLines("u", "  UNIT LOAD ACTIVE SUB DESCRIPTION\n● mlnx.service loaded failed failed Mellanox\n  irqbalance.service loaded inactive dead irqbalance daemon\n")).Value!;
        Assert.Equal("failed", units[0].Active);
        Assert.Equal("inactive", units[1].Active);
        Assert.False(SystemctlUnitsParser.Parse(new TextLines("u", "")).IsUsable);
        Assert.False(SystemctlUnitsParser.Parse(new TextLines("u", "Failed to connect to bus: No such file or directory\n")).IsUsable);
    }
}
