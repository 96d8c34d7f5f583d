using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary><c>sysctl -a</c>, transparent hugepage <c>enabled</c>/<c>defrag</c>, and <c>proc/vmstat</c>.</summary>
public static class SettingsFactsBuilder
{
    private const string ThpFolder = "sys/kernel/mm/transparent_hugepage";

    public static readonly string[] Globs = [SysctlParser.SosPath, $"{ThpFolder}/enabled", $"{ThpFolder}/defrag", VmstatParser.SosPath];

    public static void Build(BuildContext context)
    {
        var settings = context.Facts.Settings;
        if (context.Lines(SysctlParser.SosPath) is { } sysctl && context.Usable(SysctlParser.Parse(sysctl)) is { } values)
        {
            settings.Sysctls = values;
        }

        if (context.Lines($"{ThpFolder}/enabled") is { } enabled) settings.TransparentHugepageEnabled = SysfsValueParser.ParseBracketedChoice(enabled);
        if (context.Lines($"{ThpFolder}/defrag") is { } defrag) settings.TransparentHugepageDefrag = SysfsValueParser.ParseBracketedChoice(defrag);
        if (context.Lines(VmstatParser.SosPath) is { } vmstat && context.Usable(VmstatParser.Parse(vmstat)) is { } counters)
        {
            settings.Vmstat = counters;
        }
    }
}
