using System.CommandLine;
using System.Text.Json;
using Advisor.Facts;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor db check | export &lt;case&gt;</c>: care of the database file.</summary>
public static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("db", "Check the database or export a case for hand-off");
        command.Subcommands.Add(Check(console));
        command.Subcommands.Add(Export(console));
        return command;
    }

    private static Command Check(CliConsole console)
    {
        var database = CommonOptions.Database();
        var command = new Command("check", "Check the database: schema version, every bundle complete (facts, analysis, entry list), no orphaned records") { database };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var problems = db.Check();
            foreach (var problem in problems) console.Out.WriteLine(problem);
            console.Out.WriteLine(problems.Count == 0
                ? $"{db.Path}: schema {db.StoredSchemaVersion}, {db.ListBundles().Count} bundle(s), no problems"
                : $"{db.Path}: {problems.Count} problem(s)");
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.FindingsAtThreshold;
        }));
        return command;
    }

    private static Command Export(CliConsole console)
    {
        var target = new Argument<string>("case-or-bundle") { Description = "A case id, or a bundle id or unique prefix" };
        var output = CommonOptions.Output();
        var database = CommonOptions.Database();
        var command = new Command("export", "Write a case (bundles, facts, every analysis, suppressions) as one JSON document, for hand-off") { target, output, database };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var name = parse.GetValue(target)!;
            var bundles = BundleSelector.Select(db, name);
            var document = new
            {
                exportedAt = DateTime.UtcNow,
                schemaVersion = db.StoredSchemaVersion,
                caseId = bundles[0].CaseId,
                suppressions = db.SuppressionsOfCase(bundles[0].CaseId),
                bundles = bundles.Select(b => new
                {
                    bundle = b,
                    facts = db.LoadFacts(b.Id),
                    analyses = db.ListAnalyses(b.Id).Select(a => new { ruleSetVersion = a.RuleSetVersion, at = a.At, analysis = a.Analysis }),
                }),
            };
            var json = JsonSerializer.Serialize(document, FactsJson.Options);
            return ReportOutput.Write(json, parse.OutputFile(output), console) ? ExitCodes.Success : ExitCodes.UsageError;
        }));
        return command;
    }
}
