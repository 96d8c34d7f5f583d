using System.Collections;
using System.Globalization;
using System.Reflection;
using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>
/// Resolves a dotted path such as <c>device.Queue.Nomerges</c> against a rule's parameters by reading properties,
/// the way the rule's expressions see them. Where the path reaches a string-keyed dictionary the rest of it is the key:
/// <c>host.Settings.Sysctls.vm.zone_reclaim_mode</c>, <c>device.Queue.Attributes.max_sectors_kb</c>.
/// </summary>
public static class FactPath
{
    public static bool TryResolve(string path, IReadOnlyDictionary<string, object> parameters, out object? value)
    {
        value = null;
        var parts = path.Split('.');
        if (!parameters.TryGetValue(parts[0], out var current)) return false;
        for (var i = 1; i < parts.Length; i++)
        {
            if (current is null) return false;
            if (current is IDictionary dictionary && DictionaryValueType(current.GetType()) is not null)
            {
                // the rest of the path is the key: host.Settings.Sysctls.vm.zone_reclaim_mode
                var key = string.Join('.', parts[i..]);
                if (!dictionary.Contains(key)) return false;
                value = dictionary[key];
                return true;
            }

            var property = current.GetType().GetProperty(parts[i], BindingFlags.Public | BindingFlags.Instance);
            if (property is null) return false;
            current = property.GetValue(current);
        }

        value = current;
        return true;
    }

    /// <summary>Checks a path exists on the parameter types without needing values (for validation).</summary>
    public static string? Check(string path, IReadOnlyDictionary<string, Type> parameterTypes)
    {
        var parts = path.Split('.');
        if (!parameterTypes.TryGetValue(parts[0], out var type)) return $"'{parts[0]}' is not a parameter of this scope ({string.Join(", ", parameterTypes.Keys)})";
        foreach (var part in parts.Skip(1))
        {
            if (DictionaryValueType(type) is not null) return null; // a key, known only with values
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            if (property is null) return $"'{type.Name}' has no property '{part}' (in '{path}')";
            type = property.PropertyType;
        }

        return null;
    }

    /// <summary>The value type of a string-keyed dictionary (sysctls, vmstat, queue attributes), else null.</summary>
    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    /// <summary>Text for a message argument: a fact's value, a list joined by spaces, anything else as invariant text.</summary>
    public static string Display(object? value) => value switch
    {
        null => "",
        IFact { State: FactState.Present } fact => Display(fact.BoxedValue),
        IFact fact => $"({fact.State.ToString().ToLowerInvariant()})",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(' ', items.Cast<object?>().Select(Display)),
        _ => value.ToString() ?? "",
    };
}
