using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>Total and available memory from <c>proc/meminfo</c>, else <c>free</c>.</summary>
public static class MemoryFactsBuilder
{
    public static readonly string[] Globs = [MeminfoParser.SosPath, FreeParser.SosPath];

    public static void Build(BuildContext context)
    {
        var memory = context.Facts.Memory;
        if (context.Lines(MeminfoParser.SosPath) is { } meminfoLines && context.Usable(MeminfoParser.Parse(meminfoLines)) is { } meminfo)
        {
            memory.Meminfo = meminfo;
            memory.TotalKiB = meminfo["MemTotal"];
            memory.AvailableKiB = meminfo.GetValueOrDefault("MemAvailable") ?? Fact<long>.Missing("proc/meminfo has no MemAvailable");
            return;
        }

        if (context.Lines(FreeParser.SosPath) is { } freeLines && context.Usable(FreeParser.Parse(freeLines)) is { } free)
        {
            memory.TotalKiB = free.TotalKiB;
            memory.AvailableKiB = free.AvailableKiB;
        }
    }
}
