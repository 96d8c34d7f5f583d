using Advisor.Facts;
using Advisor.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Advisor.Tests.Facts;

public sealed class CpuListTests
{
    [Theory]
    [InlineData("0-3,8,10-11", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    [InlineData("0-5,12-17", new[] { 0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17 })]
    [InlineData("0-7:2", new[] { 0, 2, 4, 6 })]
    [InlineData(" 3 , 1 ", new[] { 1, 3 })]
    [InlineData("", new int[0])]
    [InlineData("x,5-2,7", new[] { 7 })]
    [InlineData("0-99999999", new int[0])]
    public void Expand(string list, int[] cpus)
    {
        Assert.Equal(cpus, CpuList.Expand(list));
        Assert.Equal(cpus, Helpers.ExpandCpuList(list));
    }

    [Fact]
    public void Format_subset_overlap_and_masks()
    {
        Assert.Equal("0-3,8,10-11", CpuList.Format([11, 10, 8, 3, 2, 1, 0, 3]));
        Assert.Equal("", CpuList.Format([]));
        Assert.True(CpuList.IsSubsetOf("6-8", "6-11,18-23"));
        Assert.False(CpuList.IsSubsetOf("5-8", "6-11,18-23"));
        Assert.False(CpuList.IsSubsetOf("", "0-3"));
        Assert.True(Helpers.CpusOverlap("0-3", "3-5"));
        Assert.False(Helpers.CpusWithin("0,4", "0-3"));
        Assert.Equal([0, 1, 2, 3, 32], CpuList.FromMask("1,0000000f"));
        Assert.Equal(4, Helpers.CpuCount("0-3"));
    }

    [Property(MaxTest = 300)]
    public Property Format_and_expand_round_trip() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 300)).ToArbitrary(), cpus =>
            CpuList.Expand(CpuList.Format(cpus)).SequenceEqual(cpus.Distinct().Order()));

    [Fact]
    public void Irq_summary_without_a_node_map_claims_nothing_off_node()
    {
        var summary = new IrqSummary { Irqs = ["24", "25"], TotalCount = 1000 };

        Assert.Equal(0, summary.OffNodeShare(1));
        Assert.Equal(0, summary.IrqsAffinedOffNode(1));
        Assert.False(summary.HasNodeMap);
    }
}
