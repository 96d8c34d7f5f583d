using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>The current and available clocksources.</summary>
public static class ClocksourceFactsBuilder
{
    private const string Folder = "sys/devices/system/clocksource/clocksource0";

    public static readonly string[] Globs = [$"{Folder}/current_clocksource", $"{Folder}/available_clocksource"];

    public static void Build(BuildContext context)
    {
        if (context.Lines($"{Folder}/current_clocksource") is { } current)
        {
            context.Facts.Clocksource.Current = SysfsValueParser.ParseWord(current);
        }

        if (context.Lines($"{Folder}/available_clocksource") is { } available)
        {
            context.Facts.Clocksource.Available = SysfsValueParser.ParseWords(available);
        }
    }
}
