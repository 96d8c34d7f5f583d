using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class SysfsValueParserTests
{
    [Theory]
    [InlineData("insights-core/sys_block_queue_scheduler/1.txt", "cfq")]
    [InlineData("insights-core/sys_block_queue_scheduler/2.txt", "deadline")]
    [InlineData("insights-core/sys_block_queue_scheduler/3.txt", "noop")]
    public void Active_scheduler_is_the_bracketed_one(string sample, string active)
    {
        Assert.Equal(active, SysfsValueParser.ParseBracketedChoice(RealCaptures.Sample(sample)).Value);
    }

    [Fact]
    public void Clocksource_and_node_cpulists()
    {
        Assert.Equal("tsc", SysfsValueParser.ParseWord(RealCaptures.Sample("insights-core/sys_devices_system_clocksource_current_clocksource/1.txt")).Value);
        var node0 = SysfsValueParser.ParseWord(RealCaptures.Sample("insights-core/sys_devices_system_node_cpulist/1.txt")).Value;
        var node1 = SysfsValueParser.ParseWord(RealCaptures.Sample("insights-core/sys_devices_system_node_cpulist/2.txt")).Value;
        Assert.Equal(24, CpuList.Count(node0));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => 2 * i + 1), CpuList.Expand(node1));
        Assert.False(CpuList.Overlaps(node0, node1));
    }

    [Fact]
    public void Odd_values()
    {
        Assert.Equal(FactState.Unusable, SysfsValueParser.ParseInt(new TextLines("q/nomerges", "")).State);
        Assert.Equal(FactState.Unusable, SysfsValueParser.ParseInt(new TextLines("q/nomerges", "two\n")).State);
        Assert.Equal(2, SysfsValueParser.ParseInt(new TextLines("q/nomerges", "2\r\n")).Value);
        Assert.Equal(FactState.Unusable, SysfsValueParser.ParseBracketedChoice(new TextLines("q/scheduler", "noop deadline")).State);
        Assert.Equal("none", SysfsValueParser.ParseBracketedChoice(new TextLines("q/scheduler", "none\n")).Value);
        Assert.Equal(8.0, SysfsValueParser.ParseLinkSpeed(new TextLines("max_link_speed", "8.0 GT/s PCIe\n")).Value);
        Assert.Equal(2.5, SysfsValueParser.ParseLinkSpeed(new TextLines("current_link_speed", "2.5 GT/s\n")).Value);
        Assert.Equal(FactState.Unusable, SysfsValueParser.ParseLinkSpeed(new TextLines("current_link_speed", "Unknown\n")).State);
    }
}
