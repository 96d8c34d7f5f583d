using System.CommandLine;
using Advisor.Ingestion;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor reanalyze [--case id | --all | bundle]</c>: re-run the current rules on stored facts, without the bundles.</summary>
public static class ReanalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var bundle = new Argument<string?>("bundle") { Description = "A bundle id or unique prefix", Arity = ArgumentArity.ZeroOrOne };
        var caseId = new Option<string?>("--case") { Description = "Re-analyse every bundle of this case", HelpName = "id" };
        var all = new Option<bool>("--all") { Description = "Re-analyse every bundle in the database" };
        var database = CommonOptions.Database();
        var command = new Command("reanalyze", "Run the current rules again on the facts stored for bundles (after the rules or kb changed); earlier analyses are kept")
        {
            bundle, caseId, all, database,
        };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, settings) =>
        {
            IReadOnlyList<BundleRecord> targets = (parse.GetValue(bundle), parse.GetValue(caseId), parse.GetValue(all)) switch
            {
                (null, null, true) => db.ListBundles(),
                (null, { } id, false) => db.BundlesOfCase(id) is { Count: > 0 } ofCase ? ofCase : throw new BundleSelector.SelectionException($"no case '{id}'"),
                ({ } prefix, null, false) => [BundleSelector.SelectBundle(db, prefix)],
                _ => throw new BundleSelector.SelectionException("name exactly one of: a bundle, --case <id>, --all"),
            };
            var ingestor = new Ingestor(KnowledgeLocation.LoadShipped(), settings);
            foreach (var target in targets)
            {
                var analysis = ingestor.Reanalyze(target, db);
                console.Out.WriteLine($"{target.ShortId} {target.Hostname}: rule set {analysis.RuleSetVersion}, {FindingCounts.Of(analysis)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
