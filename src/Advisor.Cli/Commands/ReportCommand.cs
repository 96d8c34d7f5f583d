using System.CommandLine;
using Advisor.Configuration;
using Advisor.Knowledge;
using Advisor.Reporting;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary>
/// <c>advisor report &lt;bundle-id&gt;</c>: writes any report of an ingested bundle again, from the database alone
/// (the stored facts and latest analysis, and the shipped kb for the texts); the bundle file is not needed.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var bundleId = new Argument<string>("bundle-id") { Description = "The bundle's id (SHA-256 of the archive) or a unique prefix of it, as 'advisor ingest' printed it" };
        var database = CommonOptions.Database();
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var audience = CommonOptions.Audience();
        var command = new Command("report", "Write the report of an ingested bundle again, in any format, from the database alone (reanalyze first to apply changed rules)")
        {
            bundleId, database, format, audience, output,
        };

        command.SetAction(parse => Run(
            new Options(parse.GetValue(bundleId)!, parse.GetValue(database), parse.OutputFile(output), parse.GetValue(format)!, parse.GetValue(audience)),
            console));
        return command;
    }

    private sealed record Options(string BundleId, string? Database, string? Output, string Format, ReportAudience Audience);

    private static int Run(Options options, CliConsole console)
    {
        AdvisorSettings settings;
        Rules.RuleSet ruleSet;
        string? documentationUri;
        try
        {
            var overrides = new Dictionary<string, string?>();
            if (options.Database is not null) overrides["Database:Path"] = options.Database;
            settings = SettingsLoader.Load(console.WorkingDirectory, overrides);
            documentationUri = settings.Reports.CheckedDocumentationUri();
            ruleSet = KnowledgeLocation.LoadShipped();
        }
        catch (Exception e) when (e is ConfigurationException or KnowledgeBaseException or InvalidOperationException or FormatException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        var databasePath = Path.GetFullPath(settings.Database.ResolvePath(), console.WorkingDirectory);
        if (!File.Exists(databasePath))
        {
            console.Fail($"{databasePath}: no such database; ingest a bundle first");
            return ExitCodes.UsageError;
        }

        ReportInput input;
        try
        {
            using var db = AdvisorDatabase.Open(databasePath, console.Warn);
            var bundle = BundleSelector.SelectBundle(db, options.BundleId);

            var facts = db.LoadFacts(bundle.Id);
            var analysis = db.LoadLatestAnalysis(bundle.Id);
            if (facts is null || analysis is null)
            {
                console.Fail($"bundle {bundle.Id[..12]} in {databasePath} has no stored {(facts is null ? "facts" : "analysis")}; ingest it again");
                return ExitCodes.UsageError;
            }

            input = new ReportInput(bundle, facts, analysis, ruleSet, DateTime.UtcNow, null, documentationUri);
        }
        catch (Exception e) when (e is DatabaseException or BundleSelector.SelectionException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        if (input.Analysis.RuleSetVersion != ruleSet.Version)
        {
            console.Warn($"the stored analysis was made with rule set {input.Analysis.RuleSetVersion}; the kb texts are from {ruleSet.Version}. Run 'advisor reanalyze' to re-run the rules.");
        }

        var report = ReportFormats.Render(options.Format, input, options.Audience);
        if (!ReportOutput.Write(report, options.Output, console))
        {
            return ExitCodes.UsageError;
        }

        if (options.Output is not null)
        {
            console.Error.WriteLine($"advisor: {input.HostLabel}, bundle {input.Bundle.Id[..12]}: {options.Format} report written to {options.Output}");
        }

        return ExitCodes.Success;
    }
}
