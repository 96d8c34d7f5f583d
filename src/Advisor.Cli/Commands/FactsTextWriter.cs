using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using Advisor.Facts;

namespace Advisor.Cli.Commands;

/// <summary>
/// Facts as text, one value per line: <c>kernel.release = 5.4.0-97-generic    (sos_commands/kernel/uname_-a:1)</c>;
/// facts not present show their state and reason. Paths read like the JSON (camelCase, list items by name).
/// </summary>
public static class FactsTextWriter
{
    public static string Write(HostFacts facts)
    {
        var text = new StringBuilder();
        WriteObject(text, "", facts, 0);
        return text.ToString();
    }

    private static void WriteObject(StringBuilder text, string prefix, object value, int depth)
    {
        if (depth > 8) return;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always }) continue;
            var name = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            WriteValue(text, name, property.GetValue(value), depth);
        }
    }

    private static void WriteValue(StringBuilder text, string name, object? value, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case IFact fact:
                text.AppendLine(Describe(name, fact));
                return;
            case string or bool or int or long or double:
                text.AppendLine(CultureInfo.InvariantCulture, $"{name} = {Format(value)}");
                return;
            case Evidence evidence:
                text.AppendLine(CultureInfo.InvariantCulture, $"{name} = {evidence.Path}:{evidence.Line}");
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    WriteValue(text, $"{name}[{entry.Key}]", entry.Value, depth + 1);
                }

                return;
            case IEnumerable items:
                var list = items.Cast<object?>().ToList();
                if (list.All(i => i is string or int or long or double))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{name} = [{string.Join(", ", list.Select(Format))}]");
                    return;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(text, $"{name}[{Label(list[i], i)}]", list[i], depth + 1);
                }

                return;
            default:
                WriteObject(text, name + ".", value, depth + 1);
                return;
        }
    }

    private static string Describe(string name, IFact fact) => fact.State switch
    {
        FactState.Present => $"{name} = {Format(fact.BoxedValue)}    ({fact.Source?.Path}:{fact.Source?.Line})",
        _ => $"{name}: {fact.State.ToString().ToLowerInvariant()} ({fact.Reason}){(fact.Source is { } source ? $"    ({source.Path}:{source.Line})" : "")}",
    };

    /// <summary>A list item by its name when it has one (a device, a NIC), else its index.</summary>
    private static string Label(object? item, int index) =>
        item?.GetType().GetProperty("Number")?.GetValue(item) is string { Length: > 0 } number ? number
        : item?.GetType().GetProperty("Name")?.GetValue(item) is string { Length: > 0 } name ? name
        : item?.GetType().GetProperty("Address")?.GetValue(item) is string { Length: > 0 } address ? address
        : index.ToString(CultureInfo.InvariantCulture);

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items and not string => string.Join(' ', items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
