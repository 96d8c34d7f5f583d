using System.CommandLine;
using System.Text.Json;
using Advisor.Facts;
using Advisor.History;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor diff &lt;a&gt; [b]</c>: what changed between two bundles, a case's first and last, or two analyses of one bundle.</summary>
public static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var first = new Argument<string>("a") { Description = "A bundle id (or prefix), or a case id: then its first and last bundles are compared" };
        var second = new Argument<string?>("b") { Description = "The later bundle; the same bundle as a compares its two latest analyses", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format", "-f") { Description = "markdown (customer-readable) or json", DefaultValueFactory = _ => "markdown" }.AcceptOnlyFromAmong("markdown", "json");
        var output = CommonOptions.Output();
        var database = CommonOptions.Database();
        var command = new Command("diff", "Show what changed between two bundles: kernel, packages, drivers, firmware, tunables, interrupt placement, and findings new, resolved and persisting")
        {
            first, second, format, output, database,
        };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var (before, after) = Pick(db, parse.GetValue(first)!, parse.GetValue(second));
            var diff = Compute(db, before, after);
            var text = parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(diff, FactsJson.Options)
                : DiffMarkdownWriter.Write(diff);
            return ReportOutput.Write(text, parse.OutputFile(output), console) ? ExitCodes.Success : ExitCodes.UsageError;
        }));
        return command;
    }

    private static (BundleRecord Before, BundleRecord After) Pick(AdvisorDatabase db, string a, string? b)
    {
        if (b is null)
        {
            var ofCase = db.BundlesOfCase(a);
            if (ofCase.Count >= 2) return (ofCase[0], ofCase[^1]);
            if (ofCase.Count == 1) throw new BundleSelector.SelectionException($"case {a} holds only one bundle; name two bundles, or the same bundle twice to compare its analyses");
            var bundle = BundleSelector.SelectBundle(db, a);
            return (bundle, bundle);
        }

        return (BundleSelector.SelectBundle(db, a), BundleSelector.SelectBundle(db, b));
    }

    private static BundleDiff Compute(AdvisorDatabase db, BundleRecord before, BundleRecord after)
    {
        var beforeFacts = db.LoadFacts(before.Id) ?? throw new DatabaseException($"bundle {before.ShortId} has no stored facts");
        var afterFacts = db.LoadFacts(after.Id) ?? throw new DatabaseException($"bundle {after.ShortId} has no stored facts");
        if (before.Id == after.Id)
        {
            var analyses = db.ListAnalyses(before.Id);
            if (analyses.Count < 2)
            {
                throw new BundleSelector.SelectionException($"bundle {before.ShortId} has one analysis; run 'advisor reanalyze' after a rule change to get a second");
            }

            return BundleDiff.Compute(before, beforeFacts, analyses[^2].Analysis, after, afterFacts, analyses[^1].Analysis);
        }

        return BundleDiff.Compute(
            before, beforeFacts, db.LoadLatestAnalysis(before.Id) ?? new(),
            after, afterFacts, db.LoadLatestAnalysis(after.Id) ?? new());
    }
}
