using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary><c>systemctl list-units</c> and <c>systemctl list-unit-files</c>.</summary>
public static class ServiceFactsBuilder
{
    public static readonly string[] Globs = [SystemctlListParser.UnitsPath, SystemctlListParser.UnitFilesPath];

    public static void Build(BuildContext context)
    {
        var services = context.Facts.Services;
        if (context.Lines(SystemctlListParser.UnitsPath) is { } units && context.Usable(SystemctlListParser.ParseUnits(units)) is { } parsedUnits)
        {
            services.Units = parsedUnits;
        }

        if (context.Lines(SystemctlListParser.UnitFilesPath) is { } files && context.Usable(SystemctlListParser.ParseUnitFiles(files)) is { } parsedFiles)
        {
            services.UnitFiles = parsedFiles;
        }
    }
}
