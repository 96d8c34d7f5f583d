using System.Text.Json.Nodes;
using Advisor.Facts;

namespace Advisor.History;

/// <summary>
/// Turns a host's facts into a flat map of stable keys → values, so two bundles can be compared key by key.
/// List items are keyed by their most stable identity (serial, WWN, PCI address, else name), so a device keeps
/// its key when the kernel renames it. Volatile facts (counters, log lines, warnings) are left out.
/// </summary>
public static class FactsFlattener
{
    /// <summary>Identity properties, most stable first.</summary>
    private static readonly string[] IdentityKeys = ["serial", "wwn", "pciAddress", "busInfo", "name", "device", "key", "id", "path"];

    /// <summary>Sections and properties whose values change on every capture and say nothing about configuration.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "parseWarnings", "kernelLog", "dmesg", "lines", "counts", "perCpu", "countsPerCpu", "total", "totalCount",
        "iostat", "ioStatistics", "uptime", "source", "reason",
    };

    public static IReadOnlyDictionary<string, FlatFact> Flatten(HostFacts facts)
    {
        var result = new SortedDictionary<string, FlatFact>(StringComparer.Ordinal);
        var root = System.Text.Json.JsonSerializer.SerializeToNode(facts, FactsJson.Options)!.AsObject();
        foreach (var (section, node) in root)
        {
            if (node is null || Volatile.Contains(section)) continue;
            Walk(section, section, node, result);
        }

        return result;
    }

    private static void Walk(string section, string key, JsonNode node, IDictionary<string, FlatFact> result)
    {
        switch (node)
        {
            case JsonObject fact when fact.ContainsKey("value") && (fact.ContainsKey("source") || fact.ContainsKey("state")):
                var state = fact["state"]?.GetValue<string>();
                var value = state is null or "present" ? Display(fact["value"]) : $"({state})";
                var path = fact["source"]?["path"]?.GetValue<string>();
                result[key] = new FlatFact(section, key, value, path);
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is null || Volatile.Contains(name)) continue;
                    Walk(section, $"{key}.{name}", child, result);
                }

                break;
            case JsonArray array when array.All(item => item is JsonObject):
                foreach (var item in array.OfType<JsonObject>())
                {
                    Walk(section, $"{key}[{IdentityOf(item)}]", item, result);
                }

                break;
            default:
                result[key] = new FlatFact(section, key, Display(node), null);
                break;
        }
    }

    private static string IdentityOf(JsonObject item)
    {
        foreach (var name in IdentityKeys)
        {
            var node = item[name];
            var text = node is JsonObject fact && fact.ContainsKey("value") ? Display(fact["value"]) : node is JsonValue ? Display(node) : null;
            if (!string.IsNullOrWhiteSpace(text)) return text;
        }

        return Display(item);
    }

    private static string Display(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray array => string.Join(' ', array.Select(Display)),
        _ => node.ToJsonString(),
    };
}
