namespace Advisor.Facts;

public sealed class NumaNode
{
    public int Id { get; set; }

    /// <summary>The node's CPU list as the kernel prints it, e.g. <c>0-13,28-41</c>.</summary>
    public Fact<string> Cpus { get; set; } = Fact<string>.Missing("no cpulist");

    /// <summary>The CPU numbers of <see cref="Cpus"/>, expanded.</summary>
    public List<int> CpuIds { get; set; } = [];

    /// <summary>Device interrupts served on this node's CPUs (sum of proc/interrupts columns), when collected.</summary>
    public long InterruptCount { get; set; }

    public bool HasCpu(int cpu) => CpuIds.Contains(cpu);
}
