using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// The CPU → NUMA node map: sysfs <c>node*/cpulist</c> first (the kernel's own word), else <c>numactl --hardware</c>,
/// else lscpu's <c>NUMA nodeN CPU(s)</c> (already set by the CPU builder); distances from numactl.
/// </summary>
public static class NumaFactsBuilder
{
    private const string NodeFolder = "sys/devices/system/node";

    public static readonly string[] Globs = [$"{NodeFolder}/node*/cpulist", NumactlHardwareParser.SosPath];

    public static void Build(BuildContext context)
    {
        var numa = context.Facts.Numa;
        NumactlHardwareParser.NumactlHardware? numactl = null;
        if (context.Lines(NumactlHardwareParser.SosPath) is { } numactlLines)
        {
            numactl = context.Usable(NumactlHardwareParser.Parse(numactlLines));
            if (numactl is not null) numa.Distances = numactl.Distances;
        }

        var sysfsNodes = context.NumberedMembers(NodeFolder, "node")
            .Select(n => (Id: n.Number, Lines: context.Lines($"{NodeFolder}/{n.Name}/cpulist")))
            .Where(n => n.Lines is not null)
            .Select(n => new NumaNode { Id = n.Id, Cpus = SysfsValueParser.ParseWord(n.Lines!) })
            .OrderBy(n => n.Id)
            .ToList();
        if (sysfsNodes.Count > 0)
        {
            numa.Nodes = sysfsNodes;
        }
        else if (numactl is not null)
        {
            numa.Nodes = numactl.Nodes;
        }

        foreach (var node in numa.Nodes)
        {
            node.CpuIds = node.Cpus.IsPresent ? CpuList.Expand(node.Cpus.Value) : [];
        }
    }
}
