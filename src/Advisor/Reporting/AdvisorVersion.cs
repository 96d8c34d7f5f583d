namespace Advisor.Reporting;

/// <summary>The version reports name as the tool's: the library's assembly version, major.minor.patch.</summary>
public static class AdvisorVersion
{
    public static string Text { get; } = typeof(AdvisorVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}" : "0.0.0";
}
