namespace Advisor.Facts;

public sealed class NumaFacts
{
    /// <summary>The nodes with their CPUs: <c>sys/devices/system/node/nodeN/cpulist</c>, else lscpu's <c>NUMA nodeN CPU(s)</c>.</summary>
    public List<NumaNode> Nodes { get; set; } = [];

    /// <summary>Node distances from <c>numactl --hardware</c> (row per node), when collected.</summary>
    public List<NumaDistance> Distances { get; set; } = [];

    public int NodeCount => Nodes.Count;

    /// <summary>The node holding <paramref name="cpu"/>, or -1 when no node lists it.</summary>
    public int NodeOfCpu(int cpu)
    {
        foreach (var node in Nodes)
        {
            if (node.CpuIds.Contains(cpu)) return node.Id;
        }

        return -1;
    }

    /// <summary>The node with id <paramref name="id"/>, or null.</summary>
    public NumaNode? Node(int id) => Nodes.FirstOrDefault(n => n.Id == id);
}
