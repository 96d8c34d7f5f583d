using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class LscpuParserTests
{
    [Fact]
    public void E5_2620_v3_has_two_sockets_model_63_and_node1_cpus_6_11_18_23()
    {
        var lscpu = LscpuParser.Parse(RealCaptures.Sample("linuxhw-lscpu/Intel_Xeon_Xeon_E5-2620_v3_6-63-2_02F86A0A2A")).Value!;

        Assert.Equal(2, lscpu.Cpu.Sockets.Value);
        Assert.Equal(63, lscpu.Cpu.Model.Value);
        Assert.Equal(6, lscpu.Cpu.Family.Value);
        Assert.Equal(24, lscpu.Cpu.LogicalCpus.Value);
        Assert.Equal(2, lscpu.Cpu.NumaNodeCount.Value);
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", lscpu.Cpu.ModelName.Value);
        Assert.Equal("GenuineIntel", lscpu.Cpu.Vendor.Value);
        Assert.Equal("6-11,18-23", lscpu.NumaNodes.Single(n => n.Node == 1).Cpus.Value);
        Assert.Equal([6, 7, 8, 9, 10, 11, 18, 19, 20, 21, 22, 23], CpuList.Expand(lscpu.NumaNodes[1].Cpus.Value));
        Assert.Contains("constant_tsc", lscpu.Cpu.Flags.Value);
    }

    [Fact]
    public void E5_2680_v3_has_two_sockets_but_one_numa_node()
    {
        var lscpu = LscpuParser.Parse(RealCaptures.Sample("linuxhw-lscpu/Intel_Xeon_Xeon_E5-2680_v3_6-63-2_446C1D6A9B")).Value!;

        Assert.Equal(2, lscpu.Cpu.Sockets.Value);
        Assert.Equal(48, lscpu.Cpu.LogicalCpus.Value);
        var node = Assert.Single(lscpu.NumaNodes);
        Assert.Equal("0-47", node.Cpus.Value);
    }

    [Fact]
    public void Gold_6126_has_four_sockets_and_four_nodes()
    {
        var lscpu = LscpuParser.Parse(RealCaptures.Sample("linuxhw-lscpu/Intel_Xeon_Xeon_Gold_6126_6-85-4_106004B589")).Value!;

        Assert.Equal(4, lscpu.Cpu.Sockets.Value);
        Assert.Equal(85, lscpu.Cpu.Model.Value);
        Assert.Equal(["0-11", "12-23", "24-35", "36-47"], lscpu.NumaNodes.Select(n => n.Cpus.Value));
    }

    [Theory]
    [InlineData("insights-core/lscpu/1.txt", 1, "0,1")]
    [InlineData("insights-core/lscpu/2.txt", 1, "0")]
    [InlineData("insights-core/lscpu/3.txt", 2, "0,1")]
    public void Flat_and_hierarchical_insights_samples(string sample, int sockets, string node0)
    {
        var lscpu = LscpuParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal(sockets, lscpu.Cpu.Sockets.Value);
        Assert.Equal(60, lscpu.Cpu.Model.Value);
        Assert.StartsWith("Intel Core Processor (Haswell, no TSX", lscpu.Cpu.ModelName.Value);
        Assert.Equal(node0, lscpu.NumaNodes.Single().Cpus.Value);
    }

    [Fact]
    public void Hotsos_guest_lscpu_names_the_kvm_hypervisor()
    {
        var lscpu = LscpuParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, LscpuParser.SosPath)).Value!;

        Assert.Equal("KVM", lscpu.Cpu.HypervisorVendor.Value);
        Assert.Equal("Intel Core Processor (Skylake, IBRS)", lscpu.Cpu.ModelName.Value);
        Assert.Equal(94, lscpu.Cpu.Model.Value);
        Assert.Equal(14, lscpu.Cpu.ModelName.Source!.Line);
    }

    [Fact]
    public void Odd_inputs_are_unusable_or_tolerated()
    {
        Assert.False(LscpuParser.Parse(new TextLines(LscpuParser.SosPath, "")).IsUsable);
        Assert.False(LscpuParser.Parse(new TextLines(LscpuParser.SosPath, "bash: lscpu: command not found\n")).IsUsable);
        var crlf = LscpuParser.Parse(new TextLines(LscpuParser.SosPath, "Architecture: x86_64\r\nSocket(s): 2\r\nNew column: x\r\nModel: 6"));
        Assert.Equal(2, crlf.Value!.Cpu.Sockets.Value);
        Assert.Equal(6, crlf.Value.Cpu.Model.Value);
        var bad = LscpuParser.Parse(new TextLines(LscpuParser.SosPath, "Architecture: x86_64\nSocket(s): two\n"));
        Assert.Equal(FactState.Unusable, bad.Value!.Cpu.Sockets.State);
    }
}
