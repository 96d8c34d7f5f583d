using System.Text.Json;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// sos 4.x <c>sos_reports/manifest.json</c>: for each plugin, the commands it ran with the output file
/// (<c>filepath</c>), <c>return_code</c> and whether sos truncated the output (<c>truncated</c>), under
/// <c>components.report.plugins.&lt;plugin&gt;.commands[]</c>.
/// </summary>
public static class SosManifestParser
{
    public const string SosPath = "sos_reports/manifest.json";

    public sealed record CommandRun(string Command, string FilePath, int ReturnCode, bool Truncated, Evidence Source);

    public static ParseResult<Dictionary<string, CommandRun>> Parse(TextLines lines)
    {
        if (lines.IsBlank) return ParseResult<Dictionary<string, CommandRun>>.Unusable($"{lines.Path} is empty");
        var runs = new Dictionary<string, CommandRun>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(string.Join('\n', lines.Numbered().Select(l => l.Text)));
            if (Child(json.RootElement, "components") is not { } components
                || Child(components, "report") is not { } report
                || Child(report, "plugins") is not { ValueKind: JsonValueKind.Object } plugins)
            {
                return ParseResult<Dictionary<string, CommandRun>>.Unusable($"{lines.Path} has no components.report.plugins", lines.EvidenceAt(1));
            }

            foreach (var plugin in plugins.EnumerateObject())
            {
                if (Child(plugin.Value, "commands") is not { ValueKind: JsonValueKind.Array } commands) continue;
                foreach (var command in commands.EnumerateArray())
                {
                    if (command.ValueKind != JsonValueKind.Object) continue;
                    var path = command.TryGetProperty("filepath", out var file) && file.ValueKind == JsonValueKind.String ? file.GetString()! : "";
                    if (path.Length == 0) continue;
                    var code = command.TryGetProperty("return_code", out var rc) && rc.ValueKind == JsonValueKind.Number && rc.TryGetInt32(out var value) ? value : 0;
                    var truncated = command.TryGetProperty("truncated", out var cut) && cut.ValueKind == JsonValueKind.True;
                    var exec = command.TryGetProperty("exec", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : path;
                    runs[path] = new CommandRun(exec, path, code, truncated, new Evidence(lines.Path, 0, $"{exec}: return code {code}"));
                }
            }
        }
        catch (JsonException e)
        {
            return ParseResult<Dictionary<string, CommandRun>>.Unusable($"{lines.Path} is not valid JSON: {e.Message}", lines.EvidenceAt(1));
        }

        return ParseResult<Dictionary<string, CommandRun>>.Ok(runs);
    }

    /// <summary>A member of a JSON object; null when the element is not an object or lacks it.</summary>
    private static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : null;
}
