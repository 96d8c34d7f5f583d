using System.Text.RegularExpressions;
using Advisor.Diagnostics;
using Advisor.Rules;

namespace Advisor.Reporting;

/// <summary>
/// Fills a kb section's <c>{name}</c> placeholders with the finding's arguments. Only values that are safe in a
/// shell command (device and interface names) are filled in; anything else stays a visible placeholder.
/// </summary>
public static partial class WorkaroundText
{
    public static string Fill(string section, Diagnostic diagnostic)
    {
        var safe = diagnostic.Arguments
            .Where(a => SafeValue().IsMatch(a.Value))
            .ToDictionary(a => a.Key, a => a.Value);
        var filled = MessageFormatter.Format(section, safe);
        foreach (var name in diagnostic.Arguments.Keys.Where(k => !safe.ContainsKey(k)))
        {
            filled = filled.Replace("{" + name + "}", "<" + name + ">", StringComparison.Ordinal);
        }

        return filled;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:@+\-]{0,127}$")]
    private static partial Regex SafeValue();
}
