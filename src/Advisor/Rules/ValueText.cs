using System.Collections;
using System.Globalization;
using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>How a value appears in a message argument: a fact's value, a list joined by spaces, numbers invariant.</summary>
public static class ValueText
{
    public static string Display(object? value) => value switch
    {
        null => "",
        IFact { State: FactState.Present } fact => Display(fact.BoxedValue),
        IFact fact => $"({fact.State.ToString().ToLowerInvariant()})",
        string s => s,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(' ', items.Cast<object?>().Select(Display)),
        _ => value.ToString() ?? "",
    };
}
