using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>lscpu</c> in the flat (util-linux ≤ 2.36) and hierarchical (≥ 2.37) layouts.</summary>
public static class LscpuParser
{
    public const string SosPath = "sos_commands/processor/lscpu";

    public sealed record NumaNodeCpus(int Node, Fact<string> Cpus);

    public sealed record Lscpu(CpuFacts Cpu, List<NumaNodeCpus> NumaNodes);

    public static ParseResult<Lscpu> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Lscpu>(lines) is { } unusable) return unusable;
        var pairs = KeyValueParser.ParseColonPairs(lines);
        if (!pairs.ContainsKey("Architecture") && !pairs.ContainsKey("CPU(s)"))
        {
            return ParseResult<Lscpu>.Unusable($"{lines.Path} has neither an Architecture nor a CPU(s) line", lines.EvidenceAt(1));
        }

        var cpu = new CpuFacts
        {
            ModelName = pairs.GetValueOrDefault("Model name") ?? Fact<string>.Missing("lscpu has no Model name"),
            Sockets = Integer(pairs, "Socket(s)"),
            LogicalCpus = Integer(pairs, "CPU(s)"),
            Family = Integer(pairs, "CPU family"),
            Model = Integer(pairs, "Model"),
            HypervisorVendor = pairs.GetValueOrDefault("Hypervisor vendor") ?? Fact<string>.Missing("lscpu names no hypervisor"),
            Vendor = pairs.GetValueOrDefault("Vendor ID") ?? Fact<string>.Missing("lscpu has no Vendor ID"),
            CoresPerSocket = Integer(pairs, "Core(s) per socket"),
            ThreadsPerCore = Integer(pairs, "Thread(s) per core"),
            Stepping = Integer(pairs, "Stepping"),
            NumaNodeCount = Integer(pairs, "NUMA node(s)"),
            Flags = pairs.TryGetValue("Flags", out var flags)
                ? Fact<List<string>>.Of([.. flags.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)], flags.Source!)
                : Fact<List<string>>.Missing("lscpu has no Flags line"),
        };
        var nodes = new List<NumaNodeCpus>();
        foreach (var (key, value) in pairs)
        {
            // "NUMA node0 CPU(s):   0-13,28-41"
            if (key.StartsWith("NUMA node", StringComparison.Ordinal) && key.EndsWith(" CPU(s)", StringComparison.Ordinal)
                && int.TryParse(key["NUMA node".Length..^" CPU(s)".Length], NumberStyles.Integer, CultureInfo.InvariantCulture, out var node))
            {
                nodes.Add(new NumaNodeCpus(node, value));
            }
        }

        return ParseResult<Lscpu>.Ok(new Lscpu(cpu, [.. nodes.OrderBy(n => n.Node)]));
    }

    private static Fact<int> Integer(Dictionary<string, Fact<string>> pairs, string key)
    {
        if (!pairs.TryGetValue(key, out var raw)) return Fact<int>.Missing($"lscpu has no '{key}' line");
        return int.TryParse(raw.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Fact<int>.Of(value, raw.Source!)
            : Fact<int>.Unusable($"lscpu '{key}' is not a number", raw.Source);
    }
}
