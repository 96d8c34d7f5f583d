using System.Text.Json;

namespace Advisor.Bundles;

/// <summary>
/// Reads the command results sos 4.x records in <c>sos_reports/manifest.json</c>:
/// <c>components.report.plugins.&lt;plugin&gt;.commands[]</c>, each with <c>exec</c>, <c>filepath</c>,
/// <c>return_code</c> and <c>truncated</c>. A command sos truncated is written to
/// <c>sos_strings/…/name.tailed</c> with a symlink at its <c>sos_commands/…</c> path; both paths map to it.
/// </summary>
public static class SosManifest
{
    public const string Path = "sos_reports/manifest.json";

    /// <summary>
    /// Every command the manifest lists, and the state of each one that has an output file, by bundle path. A
    /// command sos could not run at all (126, 127) often has no output file: it is only in the list.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static (Dictionary<string, CommandStatus> ByPath, List<CommandStatus> All) ReadCommandStates(string json)
    {
        var states = new Dictionary<string, CommandStatus>(StringComparer.Ordinal);
        var all = new List<CommandStatus>();
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        if (!TryGetObject(document.RootElement, "components", out var components)
            || !TryGetObject(components, "report", out var report)
            || !TryGetObject(report, "plugins", out var plugins))
        {
            return (states, all);
        }

        foreach (var plugin in plugins.EnumerateObject())
        {
            if (plugin.Value.ValueKind != JsonValueKind.Object
                || !plugin.Value.TryGetProperty("commands", out var commands)
                || commands.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var command in commands.EnumerateArray())
            {
                if (command.ValueKind != JsonValueKind.Object) continue;
                var status = StatusOf(command);
                all.Add(status);
                var filepath = StringOf(command, "filepath");
                var path = filepath is null ? null : BundlePaths.Normalize(filepath);
                if (path is null) continue;

                states[path] = status;
                if (SosTail.TryParse(path, out var tailFolder, out var tailName))
                {
                    states.TryAdd(SosTail.CommandOutputPath(tailFolder, tailName), status);
                }
            }
        }

        return (states, all);
    }

    private static CommandStatus StatusOf(JsonElement command)
    {
        var exec = StringOf(command, "exec") ?? StringOf(command, "command") ?? "";
        int? returnCode = command.TryGetProperty("return_code", out var rc) && rc.ValueKind == JsonValueKind.Number && rc.TryGetInt32(out var code)
            ? code
            : null;
        var truncated = command.TryGetProperty("truncated", out var t) && t.ValueKind == JsonValueKind.True;
        var outcome = returnCode is { } nonZero && nonZero != 0
            ? CommandOutcome.Failed
            : truncated ? CommandOutcome.Truncated : CommandOutcome.Ok;
        return new CommandStatus(exec, outcome, returnCode);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGetObject(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out value)
            && value.ValueKind == JsonValueKind.Object;
    }
}
