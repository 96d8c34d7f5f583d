namespace Advisor.Rules;

/// <summary>Fills <c>{name}</c> placeholders from named arguments; unknown names stay as written.</summary>
public static class MessageFormatter
{
    public static string Format(string format, IReadOnlyDictionary<string, string> arguments)
    {
        var result = format;
        foreach (var (name, value) in arguments)
        {
            result = result.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return result;
    }
}
