namespace Advisor.Diagnostics;

/// <summary>Ordered like Roslyn's: <c>None</c> turns a diagnostic off.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Advisor.Facts.SeverityJson))]
public enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = Severity.None;
        return text is not null && Enum.TryParse(text.Trim(), ignoreCase: true, out severity) && Enum.IsDefined(severity);
    }

    public static string ToName(this Severity severity) => severity.ToString().ToLowerInvariant();
}
