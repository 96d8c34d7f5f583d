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
        "iostat", "ioStatistics", "uptime", "source", "reason", "attributes", "interrupts", "irqs", "interruptCount",
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

    private static void Walk(string section, string key, JsonNode node, IDictionary<string, FlatFact> result, string? label = null)
    {
        switch (node)
        {
            case JsonObject fact when fact.ContainsKey("value") && (fact.ContainsKey("source") || fact.ContainsKey("state")):
                var state = fact["state"]?.GetValue<string>();
                var value = state is null or "present" ? Display(fact["value"]) : $"({state})";
                var path = fact["source"]?["path"]?.GetValue<string>();
                result[key] = new FlatFact(section, key, value, path, label ?? key);
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is null || Volatile.Contains(name)) continue;
                    Walk(section, $"{key}.{name}", child, result, label is null ? null : $"{label}.{name}");
                }

                break;
            case JsonArray array when array.All(item => item is JsonObject):
                foreach (var item in array.OfType<JsonObject>())
                {
                    var (identity, name) = IdentityOf(item);
                    Walk(section, $"{key}[{identity}]", item, result, $"{label ?? key}[{name}]");
                }

                break;
            default:
                result[key] = new FlatFact(section, key, Display(node), null, label ?? key);
                break;
        }
    }

    /// <summary>The item's most stable identity (the key) and the name people know it by (the label).</summary>
    private static (string Identity, string Name) IdentityOf(JsonObject item)
    {
        string? identity = null;
        foreach (var key in IdentityKeys)
        {
            var text = Text(item[key]);
            if (string.IsNullOrWhiteSpace(text)) continue;
            identity = text;
            break;
        }

        identity ??= Display(item);
        var name = Text(item["name"]) is { Length: > 0 } n ? n : identity;
        return (identity, name);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonObject fact && fact.ContainsKey("value") ? Display(fact["value"]) : node is JsonValue ? Display(node) : null;

    private static string Display(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray array => string.Join(' ', array.Select(Display)),
        _ => node.ToJsonString(),
    };
}
