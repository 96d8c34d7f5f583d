using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>sysctl -a</c>: <c>vm.zone_reclaim_mode = 0</c>, one per line; values may hold spaces and tabs. sysctl mixes
/// per-key errors (<c>sysctl: permission denied on key …</c>) into its output, so error lines are skipped and the file
/// is unusable only when no key is left.
/// </summary>
public static class SysctlParser
{
    public const string SosPath = "sos_commands/kernel/sysctl_-a";

    public static ParseResult<Dictionary<string, Fact<string>>> Parse(TextLines lines)
    {
        if (lines.IsBlank) return ParseResult<Dictionary<string, Fact<string>>>.Unusable($"{lines.Path} is empty");
        var values = new Dictionary<string, Fact<string>>(StringComparer.Ordinal);
        foreach (var (number, text) in lines.Numbered())
        {
            var equals = text.IndexOf(" = ", StringComparison.Ordinal);
            var width = 3;
            if (equals < 0)
            {
                equals = text.IndexOf('=');
                width = 1;
            }

            if (equals <= 0 || text.StartsWith("sysctl:", StringComparison.Ordinal)) continue;
            var key = text[..equals].Trim().Replace('/', '.');
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal)) continue;
            values.TryAdd(key, Fact<string>.Of(text[(equals + width)..].Trim(), lines.EvidenceAt(number)));
        }

        return values.Count == 0
            ? CommandErrorText.CheckUsable<Dictionary<string, Fact<string>>>(lines)
              ?? ParseResult<Dictionary<string, Fact<string>>>.Unusable($"{lines.Path} has no 'key = value' line", lines.EvidenceAt(1))
            : ParseResult<Dictionary<string, Fact<string>>>.Ok(values);
    }
}
