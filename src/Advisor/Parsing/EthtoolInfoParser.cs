using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>ethtool -i &lt;if&gt;</c>: <c>driver: mlx5_core</c>, <c>version: 5.0-0</c>, <c>firmware-version: …</c>, <c>bus-info: 0000:3b:00.0</c>.</summary>
public static class EthtoolInfoParser
{
    /// <summary>sos names the file after the interface: <c>sos_commands/networking/ethtool_-i_ens3</c>.</summary>
    public const string SosPathPrefix = "sos_commands/networking/ethtool_-i_";

    public sealed record EthtoolInfo(Fact<string> Driver, Fact<string> Version, Fact<string> FirmwareVersion, Fact<string> BusInfo);

    public static ParseResult<EthtoolInfo> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<EthtoolInfo>(lines) is { } unusable) return unusable;
        var pairs = KeyValueParser.ParseColonPairs(lines);
        if (!pairs.TryGetValue("driver", out var driver))
        {
            return ParseResult<EthtoolInfo>.Unusable($"{lines.Path} has no 'driver:' line", lines.EvidenceAt(1));
        }

        return ParseResult<EthtoolInfo>.Ok(new EthtoolInfo(
            driver,
            NonEmpty(pairs, "version"),
            NonEmpty(pairs, "firmware-version"),
            NonEmpty(pairs, "bus-info")));
    }

    private static Fact<string> NonEmpty(Dictionary<string, Fact<string>> pairs, string key) =>
        pairs.TryGetValue(key, out var value) && value.Value.Length > 0
            ? value
            : Fact<string>.Missing($"ethtool -i prints no {key}");
}
