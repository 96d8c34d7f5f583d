using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class NumactlHardwareParserTests
{
    [Fact]
    public void Hotsos_single_node()
    {
        var numactl = NumactlHardwareParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, NumactlHardwareParser.SosPath)).Value!;

        Assert.Equal("0-1", Assert.Single(numactl.Nodes).Cpus.Value);
        Assert.Equal([10], Assert.Single(numactl.Distances).To);
    }

    [Fact]
    public void Two_nodes_and_odd_inputs()
    {
        var numactl = NumactlHardwareParser.Parse(new TextLines("n", "available: 2 nodes (0-1)\r\nnode 0 cpus: 0 1 2 3 8 9 10 11\r\nnode 0 size: 64000 MB\r\nnode 1 cpus: 4 5 6 7 12 13 14 15\r\nnode distances:\r\nnode   0   1\r\n  0:  10  21\r\n  1:  21  10\r\n")).Value!;
        Assert.Equal(["0-3,8-11", "4-7,12-15"], numactl.Nodes.Select(n => n.Cpus.Value));
        Assert.Equal([21, 10], numactl.Distances[1].To);
        Assert.False(NumactlHardwareParser.Parse(new TextLines("n", "")).IsUsable);
        Assert.False(NumactlHardwareParser.Parse(new TextLines("n", "No NUMA available on this system\n")).IsUsable);
    }
}
