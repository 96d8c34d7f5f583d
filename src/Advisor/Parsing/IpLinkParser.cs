using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>Interface names from <c>ip -d link</c>, <c>ip addr</c> or <c>ip -o addr</c>: <c>2: ens3: &lt;BROADCAST,…&gt; mtu 1500 …</c>.</summary>
public static partial class IpLinkParser
{
    public static readonly string[] SosPaths =
    [
        "sos_commands/networking/ip_-d_address", "sos_commands/networking/ip_-s_-d_link", "sos_commands/networking/ip_-d_link",
        "sos_commands/networking/ip_addr", "sos_commands/networking/ip_address", "sos_commands/networking/ip_-o_addr",
    ];

    public sealed record Link(string Name, Evidence Source);

    public static ParseResult<List<Link>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<Link>>(lines) is { } unusable) return unusable;
        var links = new List<Link>();
        foreach (var (number, text) in lines.Numbered())
        {
            if (Header().Match(text) is { Success: true } m)
            {
                var name = m.Groups["name"].Value;
                var at = name.IndexOf('@');
                if (at > 0) name = name[..at];
                if (!links.Any(l => l.Name == name)) links.Add(new Link(name, lines.EvidenceAt(number)));
            }
        }

        return links.Count == 0
            ? ParseResult<List<Link>>.Unusable($"{lines.Path} has no 'N: name:' line", lines.EvidenceAt(1))
            : ParseResult<List<Link>>.Ok(links);
    }

    [GeneratedRegex(@"^\d+: (?<name>[^:\s]+):? ")]
    private static partial Regex Header();
}
