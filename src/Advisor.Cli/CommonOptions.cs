using System.CommandLine;
using Advisor.Diagnostics;
using Advisor.Reporting;

namespace Advisor.Cli;

/// <summary>Options shared by several commands, defined once so their names and help read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "The Advisor database file (default: $XDG_DATA_HOME/advisor/advisor.db; also Database:Path in advisor.json or ADVISOR_Database__Path)",
        HelpName = "file",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output ('-': standard output)",
        HelpName = "file",
    };

    /// <summary>The file <see cref="Output"/> names; null for standard output (no option, or <c>-</c> as for tar and xz).</summary>
    public static string? OutputFile(this ParseResult parse, Option<string?> output) => parse.GetValue(output) is var path and not "-" ? path : null;

    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Report format",
        DefaultValueFactory = _ => "markdown",
    }.AcceptOnlyFromAmong(ReportFormats.Names);

    // the defaults are the enums' zero values and are named in the descriptions: help would print the enum
    // member names (Customer, None) beside values that are typed in lower case
    public static Option<ReportAudience> Audience() => new("--audience")
    {
        Description = "customer: what to forward; engineer: adds every evidence line, rule scopes, suppressed findings, warnings and timings (default: customer)",
        HelpName = "customer|engineer",
    };

    public static Option<Severity> FailOn() => new("--fail-on")
    {
        Description = "Exit with code 1 when a finding has this severity or higher (default: none, never)",
        HelpName = "none|info|warning|error",
    };

    public static Option<string[]> SeverityOverrides() => new("--severity")
    {
        Description = "Override a rule's or category's severity, e.g. --severity ADV0003=none --severity Storage=error",
        HelpName = "id=level",
        AllowMultipleArgumentsPerToken = false,
    };
}
