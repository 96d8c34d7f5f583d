namespace Advisor.Facts;

/// <summary>One row of <c>numactl --hardware</c>'s distance table: node <see cref="From"/> to every node.</summary>
public sealed class NumaDistance
{
    public int From { get; set; }
    /// <summary>Distances to node 0, 1, … in order.</summary>
    public List<int> To { get; set; } = [];
    public Evidence? Source { get; set; }
}
