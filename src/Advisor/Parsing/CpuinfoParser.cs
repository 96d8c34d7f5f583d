using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>proc/cpuinfo</c>: blocks of <c>key\t: value</c> per logical CPU, separated by blank lines.</summary>
public static class CpuinfoParser
{
    public const string SosPath = "proc/cpuinfo";

    public sealed record Cpuinfo(int LogicalCpus, int Sockets, Fact<string> ModelName, Fact<string> Vendor, Fact<List<string>> Flags, Fact<int> Family, Fact<int> Model);

    public static ParseResult<Cpuinfo> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Cpuinfo>(lines) is { } unusable) return unusable;
        var processors = 0;
        var physicalIds = new HashSet<string>(StringComparer.Ordinal);
        Fact<string>? modelName = null, vendor = null;
        Fact<List<string>>? flags = null;
        Fact<int>? family = null, model = null;
        foreach (var (number, text) in lines.Numbered())
        {
            var colon = text.IndexOf(':');
            if (colon <= 0) continue;
            var key = text[..colon].Trim();
            var value = text[(colon + 1)..].Trim();
            var evidence = lines.EvidenceAt(number);
            switch (key)
            {
                // x86/ARM "processor : 3"; s390 "processor 3: version = …"
                case "processor":
                case not null when key.StartsWith("processor ", StringComparison.Ordinal):
                    processors++;
                    break;
                case "physical id":
                    physicalIds.Add(value);
                    break;
                case "model name":
                    modelName ??= Fact<string>.Of(value, evidence);
                    break;
                case "vendor_id":
                    vendor ??= Fact<string>.Of(value, evidence);
                    break;
                case "flags" or "Features" or "features":
                    flags ??= Fact<List<string>>.Of([.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)], evidence);
                    break;
                case "cpu family":
                    family ??= Integer(value, evidence);
                    break;
                case "model":
                    model ??= Integer(value, evidence);
                    break;
            }
        }

        if (processors == 0)
        {
            return ParseResult<Cpuinfo>.Unusable($"{lines.Path} has no 'processor' line", lines.EvidenceAt(1));
        }

        return ParseResult<Cpuinfo>.Ok(new Cpuinfo(
            processors,
            physicalIds.Count,
            modelName ?? Fact<string>.Missing("proc/cpuinfo has no model name"),
            vendor ?? Fact<string>.Missing("proc/cpuinfo has no vendor_id"),
            flags ?? Fact<List<string>>.Missing("proc/cpuinfo has no flags line"),
            family ?? Fact<int>.Missing("proc/cpuinfo has no cpu family"),
            model ?? Fact<int>.Missing("proc/cpuinfo has no model")));
    }

    private static Fact<int> Integer(string value, Evidence evidence) =>
        int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? Fact<int>.Of(number, evidence)
            : Fact<int>.Unusable($"'{value}' is not a number", evidence);
}
