using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>proc/version</c>: <c>Linux version 5.4.0-97-generic (buildd@…) (gcc …) #110-Ubuntu SMP …</c>.</summary>
public static class ProcVersionParser
{
    public const string SosPath = "proc/version";

    public sealed record ProcVersion(Fact<string> Line, Fact<string> Release);

    public static ParseResult<ProcVersion> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<ProcVersion>(lines) is { } unusable) return unusable;
        foreach (var (number, text) in lines.Numbered())
        {
            var trimmed = text.Trim();
            if (!trimmed.StartsWith("Linux version ", StringComparison.Ordinal)) continue;
            var evidence = lines.EvidenceAt(number);
            var release = trimmed["Linux version ".Length..].Split(' ', 2)[0];
            return ParseResult<ProcVersion>.Ok(new ProcVersion(Fact<string>.Of(trimmed, evidence), Fact<string>.Of(release, evidence)));
        }

        return ParseResult<ProcVersion>.Unusable($"{lines.Path} has no 'Linux version' line", lines.EvidenceAt(1));
    }
}
