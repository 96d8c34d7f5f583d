using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary><c>systemctl list-units</c> and <c>systemctl list-unit-files</c>.</summary>
public static class ServiceFactsBuilder
{
    public static readonly string[] Globs = [SystemctlUnitsParser.SosPath, SystemctlUnitFilesParser.SosPath];

    public static void Build(BuildContext context)
    {
        var services = context.Facts.Services;
        if (context.Lines(SystemctlUnitsParser.SosPath) is { } units && context.Usable(SystemctlUnitsParser.Parse(units)) is { } parsedUnits)
        {
            services.Units = parsedUnits;
        }

        if (context.Lines(SystemctlUnitFilesParser.SosPath) is { } files && context.Usable(SystemctlUnitFilesParser.Parse(files)) is { } parsedFiles)
        {
            services.UnitFiles = parsedFiles;
        }
    }
}
