using System.CommandLine;
using Advisor.Cli.Commands;

namespace Advisor.Cli;

/// <summary>The <c>advisor</c> command line: builds the commands, parses, and maps failures to exit codes.</summary>
public static class AdvisorApp
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("Advisor reads Linux diagnostic bundles (sosreports), finds known kernel, storage, NUMA and NIC performance issues, and writes a report with the evidence, the workaround and the permanent fix.")
        {
            IngestCommand.Create(console),
            CollectCommand.Create(console),
            FactsCommand.Create(console),
            ReportCommand.Create(console),
            ListCommand.Create(console),
            ShowCommand.Create(console),
            DiffCommand.Create(console),
            ReanalyzeCommand.Create(console),
            SuppressCommand.Create(console),
            DbCommand.Create(console),
            RulesCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Fail(error.Message);
            }

            console.Error.WriteLine("Run 'advisor --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            console.Fail($"internal error: {e.GetType().Name}: {e.Message}. This is a bug in Advisor; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
