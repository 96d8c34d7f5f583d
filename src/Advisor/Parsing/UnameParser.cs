using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>Output of <c>uname -a</c>: <c>Linux host 5.4.0-97-generic #110-Ubuntu SMP … x86_64 GNU/Linux</c>.</summary>
public static class UnameParser
{
    public const string SosPath = "sos_commands/kernel/uname_-a";

    public sealed record Uname(Fact<string> Hostname, Fact<string> Release);

    public static ParseResult<Uname> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<Uname>(lines) is { } unusable) return unusable;
        foreach (var (number, text) in lines.Numbered())
        {
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[0] == "Linux")
            {
                var evidence = lines.EvidenceAt(number);
                return ParseResult<Uname>.Ok(new Uname(Fact<string>.Of(fields[1], evidence), Fact<string>.Of(fields[2], evidence)));
            }
        }

        return ParseResult<Uname>.Unusable($"{lines.Path} has no 'Linux <host> <release>' line", lines.EvidenceAt(1));
    }
}
