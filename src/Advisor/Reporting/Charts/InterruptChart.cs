namespace Advisor.Reporting.Charts;

/// <summary>
/// What the interrupts-per-CPU chart draws for one device or NIC: one bar per CPU, coloured by the CPU's NUMA
/// node, and the node the device is attached to (<c>numa_node</c> in sysfs; null when unknown).
/// </summary>
public sealed record InterruptChart(string Title, IReadOnlyList<InterruptBar> Bars, int? HomeNode);

/// <summary>How many interrupts of the device one CPU served, and that CPU's NUMA node.</summary>
public sealed record InterruptBar(int Cpu, int Node, long Count);
