using System.CommandLine;
using Advisor.Diagnostics;

namespace Advisor.Cli.Commands;

/// <summary><c>advisor show &lt;bundle-id|case&gt;</c>: what is stored about a bundle, or a case's bundles.</summary>
public static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("bundle-or-case") { Description = "A case id, or a bundle id or unique prefix of one" };
        var database = CommonOptions.Database();
        var command = new Command("show", "Show a stored bundle (facts summary, analyses, findings) or a case (its bundles and suppressions)") { target, database };
        command.SetAction(parse => DatabaseAccess.With(console, parse.GetValue(database), (db, _) =>
        {
            var text = parse.GetValue(target)!;
            var bundles = BundleSelector.Select(db, text);
            var isCase = db.BundlesOfCase(text).Count > 0;
            if (isCase)
            {
                console.Out.WriteLine($"Case {text}: {bundles.Count} bundle(s)");
                foreach (var suppression in db.SuppressionsOfCase(text))
                {
                    console.Out.WriteLine($"  suppressed {suppression.RuleId}{(suppression.Instance.Length > 0 ? $" on {suppression.Instance}" : "")}: {suppression.Justification} ({suppression.Who}, {suppression.When:yyyy-MM-dd})");
                }
            }

            foreach (var bundle in bundles)
            {
                console.Out.WriteLine();
                console.Out.WriteLine($"Bundle {bundle.Id}");
                console.Out.WriteLine($"  file      {bundle.FileName} ({bundle.Format}, {bundle.EntryCount} entries, {bundle.CapturedCount} captured)");
                console.Out.WriteLine($"  host      {bundle.Hostname}, kernel {bundle.KernelRelease}");
                console.Out.WriteLine($"  case      {bundle.CaseId ?? "-"}");
                console.Out.WriteLine($"  ingested  {bundle.IngestedAt:yyyy-MM-dd HH:mm:ss} UTC");
                if (bundle.TruncationReason is not null) console.Out.WriteLine($"  warning   {bundle.TruncationReason}");
                if (bundle.ChecksumMismatch is not null) console.Out.WriteLine($"  warning   {bundle.ChecksumMismatch}");
                foreach (var (version, at, analysis) in db.ListAnalyses(bundle.Id))
                {
                    console.Out.WriteLine($"  analysis  rule set {version} at {at:yyyy-MM-dd HH:mm:ss} UTC: {FindingSummary(analysis)}");
                }

                if (db.LoadLatestAnalysis(bundle.Id) is { } latest)
                {
                    foreach (var finding in latest.Diagnostics.OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal))
                    {
                        console.Out.WriteLine($"    {finding.Severity.ToName(),-7} {finding.Id} {finding.Instance} {finding.Message}{(finding.IsSuppressed ? $" [suppressed: {finding.SuppressionJustification}]" : "")}");
                    }
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string FindingSummary(AnalysisResult analysis) =>
        $"{analysis.Active.Count()} finding(s), {analysis.Diagnostics.Count(d => d.IsSuppressed)} suppressed, {analysis.NotEvaluated.Count} not evaluated";
}
