using System.CommandLine;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Diagnostics;
using Advisor.Ingestion;
using Advisor.Knowledge;
using Advisor.Reporting;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor ingest &lt;bundle&gt;</c>: read a bundle into the database, analyse it, write the report.</summary>
public static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var bundle = new Argument<string>("bundle") { Description = "A sosreport: .tar, .tar.gz/.tgz, .tar.xz, .tar.bz2, .tar.zst, or an unpacked folder" };
        var database = CommonOptions.Database();
        var caseId = new Option<string?>("--case") { Description = "Group the bundle under this case id (e.g. the support ticket number)", HelpName = "id" };
        var output = CommonOptions.Output();
        var format = CommonOptions.Format();
        var audience = CommonOptions.Audience();
        var failOn = CommonOptions.FailOn();
        var severity = CommonOptions.SeverityOverrides();
        var command = new Command("ingest", "Read a bundle into the database, run the knowledge base over it and write the report")
        {
            bundle, database, caseId, output, format, audience, failOn, severity,
        };

        command.SetAction(parse =>
        {
            var options = new Options(
                parse.GetValue(bundle)!,
                parse.GetValue(database),
                parse.GetValue(caseId),
                parse.GetValue(output),
                parse.GetValue(format)!,
                parse.GetValue(audience),
                parse.GetValue(failOn),
                parse.GetValue(severity) ?? []);
            return Run(options, console);
        });
        return command;
    }

    private sealed record Options(string Bundle, string? Database, string? CaseId, string? Output, string Format, ReportAudience Audience, Severity FailOn, string[] SeverityOverrides);

    private static int Run(Options options, CliConsole console)
    {
        AdvisorSettings settings;
        Rules.RuleSet ruleSet;
        string? documentationUri;
        try
        {
            settings = SettingsLoader.Load(console.WorkingDirectory, CommandLineSettings(options));
            documentationUri = settings.Reports.CheckedDocumentationUri();
            ruleSet = KnowledgeLocation.LoadShipped();
        }
        catch (Exception e) when (e is ConfigurationException or KnowledgeBaseException or InvalidOperationException or FormatException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        var bundlePath = Path.GetFullPath(options.Bundle, console.WorkingDirectory);
        IngestOutcome outcome;
        try
        {
            var ingestor = new Ingestor(ruleSet, settings);
            using var db = AdvisorDatabase.Open(Path.GetFullPath(settings.Database.ResolvePath(), console.WorkingDirectory), console.Warn);
            outcome = ingestor.Ingest(new IngestRequest(bundlePath, options.CaseId), db);
        }
        catch (ConfigurationException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }
        catch (DatabaseException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }
        catch (BundleReadException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UnreadableBundle;
        }

        foreach (var warning in outcome.Contents.Warnings.Take(20))
        {
            console.Warn($"{options.Bundle}: {warning}");
        }

        if (outcome.Contents.TruncationReason is { } truncation)
        {
            console.Warn($"{options.Bundle}: {truncation}; the analysis covers what was read");
        }

        var input = new ReportInput(outcome.Bundle, outcome.Facts, outcome.Analysis, ruleSet, DateTime.UtcNow, outcome.Timings, documentationUri);
        var report = ReportFormats.Render(options.Format, input, options.Audience);
        if (!WriteReport(report, options.Output, console))
        {
            return ExitCodes.UsageError;
        }

        var findings = input.OrderedFindings;
        console.Error.WriteLine(
            $"advisor: {options.Bundle}: {Describe(outcome)}: {findings.Count} finding(s), {outcome.Analysis.NotEvaluated.Count} check(s) not evaluated"
            + (options.Output is null ? "" : $"; report written to {options.Output}"));
        return options.FailOn != Severity.None && findings.Any(f => f.Severity >= options.FailOn)
            ? ExitCodes.FindingsAtThreshold
            : ExitCodes.Success;
    }

    private static string Describe(IngestOutcome outcome)
    {
        var host = outcome.Facts.Hostname.IsPresent ? outcome.Facts.Hostname.Value : "unknown host";
        var kernel = outcome.Facts.Kernel.Release.IsPresent ? outcome.Facts.Kernel.Release.Value : "unknown kernel";
        return $"{host}, {kernel}, bundle {outcome.Bundle.Id[..12]}";
    }

    internal static bool WriteReport(string report, string? output, CliConsole console)
    {
        if (output is null)
        {
            console.Out.Write(report);
            return true;
        }

        try
        {
            File.WriteAllText(Path.GetFullPath(output, console.WorkingDirectory), report);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{output}: cannot write the report ({e.Message})");
            return false;
        }
    }

    private static Dictionary<string, string?> CommandLineSettings(Options options)
    {
        var values = new Dictionary<string, string?>();
        if (options.Database is not null) values["Database:Path"] = options.Database;
        foreach (var item in options.SeverityOverrides)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0 || !SeverityNames.TryParse(item[(equals + 1)..], out _))
            {
                throw new ConfigurationException($"--severity {item}: expected <id or category>=<none|info|warning|error>");
            }

            values[$"Severity:{item[..equals]}"] = item[(equals + 1)..];
        }

        return values;
    }
}
