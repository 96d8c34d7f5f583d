using System.CommandLine;
using Spectre.Console;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor list</c>: every stored bundle, grouped by case.</summary>
public static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CommonOptions.Database();
        var command = new Command("list", "List the cases and bundles in the database: id, host, kernel, ingest time, findings by severity") { database };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var bundles = db.ListBundles();
            if (bundles.Count == 0)
            {
                console.Out.WriteLine("The database holds no bundles yet.");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Case", "Bundle", "Host", "Kernel", "Ingested (UTC)", "Errors", "Warnings", "Info", "File");
            foreach (var bundle in bundles.OrderBy(b => b.CaseId ?? "\uffff", StringComparer.Ordinal).ThenBy(b => b.IngestedAt))
            {
                table.AddRow(
                    Markup.Escape(bundle.CaseId ?? "-"), bundle.ShortId, Markup.Escape(bundle.Hostname), Markup.Escape(bundle.KernelRelease),
                    bundle.IngestedAt.ToString("yyyy-MM-dd HH:mm"), $"{bundle.FindingCounts.Errors}", $"{bundle.FindingCounts.Warnings}",
                    $"{bundle.FindingCounts.Infos}", Markup.Escape(bundle.FileName));
            }

            console.Report.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}
