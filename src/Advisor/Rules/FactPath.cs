using System.Collections;
using System.Globalization;
using System.Reflection;
using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>
/// Resolves a dotted path such as <c>device.Queue.Nomerges</c> against a rule's parameters by reading properties,
/// the way the rule's expressions see them.
/// </summary>
public static class FactPath
{
    public static bool TryResolve(string path, IReadOnlyDictionary<string, object> parameters, out object? value)
    {
        value = null;
        var parts = path.Split('.');
        if (!parameters.TryGetValue(parts[0], out var current)) return false;
        foreach (var part in parts.Skip(1))
        {
            if (current is null) return false;
            var property = current.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
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
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            if (property is null) return $"'{type.Name}' has no property '{part}' (in '{path}')";
            type = property.PropertyType;
        }

        return null;
    }

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
