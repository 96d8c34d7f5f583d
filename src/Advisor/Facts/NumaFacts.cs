namespace Advisor.Facts;

public sealed class NumaFacts
{
    public List<NumaNode> Nodes { get; set; } = [];
}

public sealed class NumaNode
{
    public int Id { get; set; }
    /// <summary>The node's CPU list as the kernel prints it, e.g. <c>0-13,28-41</c>.</summary>
    public Fact<string> Cpus { get; set; } = Fact<string>.Missing("no cpulist");
}
