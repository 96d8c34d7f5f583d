using System.Text.Json;
using System.Text.Json.Nodes;
using Advisor.Bundles;

namespace Advisor.Collection;

/// <summary>
/// Writes <c>sos_reports/manifest.json</c> in sos 4.x's shape for the commands a live read ran:
/// <c>components.report.plugins.&lt;plugin&gt;.commands[]</c> with <c>exec</c>, <c>filepath</c> (null when the
/// command left no output: not found), <c>return_code</c> (127 not found, 124 timed out) and <c>truncated</c>.
/// </summary>
public static class LiveManifest
{
    public sealed record Run(LiveCommand Command, CommandResult Result, bool HasOutputFile);

    public static byte[] Write(string hostname, DateTime startedUtc, IEnumerable<Run> runs)
    {
        var plugins = new JsonObject();
        foreach (var group in runs.GroupBy(r => r.Command.Plugin).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var commands = new JsonArray();
            foreach (var run in group)
            {
                commands.Add(new JsonObject
                {
                    ["command"] = run.Command.Argv[0],
                    ["parameters"] = new JsonArray(run.Command.Argv.Skip(1).Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                    ["exec"] = run.Command.CommandLine,
                    ["filepath"] = run.HasOutputFile ? run.Command.SosPath : null,
                    ["truncated"] = run.Result.OutputTruncated,
                    ["return_code"] = run.Result.ExitCode,
                    ["run_time"] = Math.Round(run.Result.Elapsed.TotalSeconds, 3),
                });
            }

            plugins[group.Key] = new JsonObject { ["commands"] = commands };
        }

        var manifest = new JsonObject
        {
            ["version"] = "advisor live",
            ["start_time"] = startedUtc.ToString("O"),
            ["policy"] = new JsonObject { ["hostname"] = hostname },
            ["components"] = new JsonObject { ["report"] = new JsonObject { ["plugins"] = plugins } },
        };
        return JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Path => SosManifest.Path;
}
