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
        // whatever the finding cannot fill (unsafe, or not an argument of this rule) stays a visible placeholder
        return Placeholder().Replace(filled, m => "<" + m.Groups[1].Value + ">");
    }

    /// <summary>A name (device, interface, dm name) or a list of numbers (CPU list, IRQ numbers): nothing a shell would interpret.</summary>
    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9._:@+\-]{0,127}|[0-9][0-9, \-]{0,1023})$")]
    private static partial Regex SafeValue();

    [GeneratedRegex(@"\{([a-z][a-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
