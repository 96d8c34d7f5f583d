using System.Text;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>proc/cmdline</c>: words separated by spaces, <c>name=value</c> or bare <c>name</c>; double quotes group a value
/// with spaces (<c>dyndbg="file x.c +p"</c>), as the kernel's own parser does.
/// </summary>
public static class KernelCommandLineParser
{
    public const string SosPath = "proc/cmdline";

    public sealed record CommandLine(Fact<string> Text, List<KernelParameter> Parameters);

    public static ParseResult<CommandLine> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<CommandLine>(lines) is { } unusable) return unusable;
        var (number, text) = lines.Numbered().First(l => !string.IsNullOrWhiteSpace(l.Text));
        var evidence = lines.EvidenceAt(number);
        var parameters = new List<KernelParameter>();
        foreach (var word in Words(text))
        {
            var equals = word.IndexOf('=');
            var name = equals < 0 ? word : word[..equals];
            var value = equals < 0 ? "" : word[(equals + 1)..].Trim('"');
            if (name.Length == 0) continue;
            parameters.Add(new KernelParameter { Name = name, Value = Fact<string>.Of(value, evidence) });
        }

        return ParseResult<CommandLine>.Ok(new CommandLine(Fact<string>.Of(text.Trim(), evidence), parameters));
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
                continue;
            }

            word.Append(c);
        }

        if (word.Length > 0) yield return word.ToString();
    }
}
