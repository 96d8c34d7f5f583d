using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>numactl --hardware</c>: <c>node 0 cpus: 0 1 2 …</c> lines and the <c>node distances:</c> table.</summary>
public static class NumactlHardwareParser
{
    public const string SosPath = "sos_commands/numa/numactl_--hardware";

    public sealed record NumactlHardware(List<NumaNode> Nodes, List<NumaDistance> Distances);

    public static ParseResult<NumactlHardware> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<NumactlHardware>(lines) is { } unusable) return unusable;
        var nodes = new List<NumaNode>();
        var distances = new List<NumaDistance>();
        var inDistances = false;
        foreach (var (number, text) in lines.Numbered())
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("node distances", StringComparison.Ordinal))
            {
                inDistances = true;
                continue;
            }

            var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (inDistances)
            {
                // "  0:  10  21" (the header row "node   0   1" has no colon)
                if (words.Length > 1 && words[0].EndsWith(':') && int.TryParse(words[0][..^1], CultureInfo.InvariantCulture, out var from))
                {
                    var to = words.Skip(1).Select(w => int.TryParse(w, CultureInfo.InvariantCulture, out var d) ? d : -1).ToList();
                    distances.Add(new NumaDistance { From = from, To = to, Source = lines.EvidenceAt(number) });
                }

                continue;
            }

            if (words.Length >= 3 && words[0] == "node" && words[2] == "cpus:" && int.TryParse(words[1], CultureInfo.InvariantCulture, out var id))
            {
                var cpus = words.Skip(3).Select(w => int.TryParse(w, CultureInfo.InvariantCulture, out var c) ? c : -1).Where(c => c >= 0).ToList();
                nodes.Add(new NumaNode { Id = id, Cpus = Fact<string>.Of(CpuList.Format(cpus), lines.EvidenceAt(number)), CpuIds = cpus });
            }
        }

        if (nodes.Count == 0)
        {
            return ParseResult<NumactlHardware>.Unusable($"{lines.Path} has no 'node N cpus:' line", lines.EvidenceAt(1));
        }

        return ParseResult<NumactlHardware>.Ok(new NumactlHardware(nodes, distances));
    }
}
