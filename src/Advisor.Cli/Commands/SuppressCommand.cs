using System.CommandLine;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor suppress --case id ADVnnnn [--instance x] --justification "…"</c>: a case-wide suppression stored in the database.</summary>
public static class SuppressCommand
{
    public static Command Create(CliConsole console)
    {
        var rule = new Argument<string>("rule") { Description = "The rule id to suppress, e.g. ADV0002" };
        var caseId = new Option<string>("--case") { Description = "The case it applies to (every report of the case's bundles)", Required = true, HelpName = "id" };
        var instance = new Option<string?>("--instance") { Description = "Only for this device, NIC or dm device; default every instance", HelpName = "name" };
        var justification = new Option<string>("--justification") { Description = "Why: shown with the suppressed finding in engineer reports", Required = true, HelpName = "text" };
        var who = new Option<string?>("--who") { Description = "Who decided (default: $USER)", HelpName = "name" };
        var database = CommonOptions.Database();
        var command = new Command("suppress", "Suppress a finding for a case, with a justification; run 'advisor reanalyze --case <id>' to apply it to stored analyses")
        {
            rule, caseId, instance, justification, who, database,
        };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var text = parse.GetValue(justification)!.Trim();
            if (text.Length == 0)
            {
                console.Fail("--justification must say why the finding is suppressed");
                return ExitCodes.UsageError;
            }

            var suppression = new CaseSuppression
            {
                CaseId = parse.GetValue(caseId)!,
                RuleId = parse.GetValue(rule)!.Trim().ToUpperInvariant(),
                Instance = parse.GetValue(instance) ?? "",
                Justification = text,
                Who = parse.GetValue(who) ?? Environment.GetEnvironmentVariable("USER") ?? "unknown",
                When = DateTime.UtcNow,
            };
            db.AddSuppression(suppression);
            console.Out.WriteLine($"Suppressed {suppression.RuleId}{(suppression.Instance.Length > 0 ? $" on {suppression.Instance}" : "")} for case {suppression.CaseId}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
