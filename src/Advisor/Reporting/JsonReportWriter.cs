using System.Text.Json;
using Advisor.Diagnostics;
using Advisor.Facts;

namespace Advisor.Reporting;

/// <summary>
/// The JSON report; its shape is documented in <c>docs/report-json.md</c>. Bundle text is JSON-encoded, with
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped as <c>\u003C</c>…, so it is inert even pasted into HTML.
/// </summary>
public static class JsonReportWriter
{
    public const int FormatVersion = 1;

    public static string Write(ReportInput input)
    {
        var facts = input.Facts;
        var findings = input.OrderedFindings;
        var document = new JsonReport(
            FormatVersion,
            new JsonReportBundle(input.Bundle.Id, input.Bundle.FileName, input.Bundle.CaseId, input.Bundle.Format, input.Bundle.Decoder,
                input.Bundle.EntryCount, input.Bundle.CapturedCount, input.Bundle.TruncationReason, input.Bundle.ChecksumMismatch, input.Bundle.Warnings),
            input.GeneratedAt.ToUniversalTime(),
            input.Analysis.RuleSetVersion,
            new JsonReportSummary(
                findings.Count(f => f.Severity == Severity.Error),
                findings.Count(f => f.Severity == Severity.Warning),
                findings.Count(f => f.Severity == Severity.Info),
                input.SuppressedFindings.Count,
                input.Analysis.NotEvaluated.Count),
            findings.Select(f => Finding(f, input)).ToList(),
            input.SuppressedFindings.Select(f => Finding(f, input)).ToList(),
            input.Analysis.NotEvaluated.OrderBy(n => n.Id, StringComparer.Ordinal).ThenBy(n => n.Instance, StringComparer.Ordinal)
                .Select(n => new JsonReportNotEvaluated(n.Id, n.Title, n.Instance, n.MissingInputs)).ToList(),
            new JsonReportSystem(
                Value(facts.Hostname), Value(facts.Os.PrettyName), Value(facts.Kernel.Release), Value(facts.Platform.Virtualization),
                Value(facts.Platform.Vendor), Value(facts.Platform.Product), Value(facts.Cpu.ModelName),
                facts.Cpu.Sockets.IsPresent ? facts.Cpu.Sockets.Value : null,
                facts.Cpu.LogicalCpus.IsPresent ? facts.Cpu.LogicalCpus.Value : null,
                facts.Numa.Nodes.Count, Value(facts.Clocksource.Current),
                facts.BlockDevices.Select(d => d.Name).Order(StringComparer.Ordinal).ToList(),
                facts.DeviceMapperTargets.Select(t => t.Device).Distinct().Order(StringComparer.Ordinal).ToList()),
            facts.ParseWarnings,
            facts);
        return JsonSerializer.Serialize(document, FactsJson.Options) + "\n";
    }

    private static JsonReportFinding Finding(Diagnostic finding, ReportInput input)
    {
        var advisory = input.RuleSet.Articles.GetValueOrDefault(finding.Id)?.Advisory;
        var release = input.Facts.Kernel.Release.IsPresent ? input.Facts.Kernel.Release.Value : null;
        var fix = advisory?.FixFor(release);
        return new JsonReportFinding(
            finding.Id, finding.Title, finding.Category, finding.Severity.ToName(), finding.Message, finding.Scope, finding.Instance,
            finding.Arguments, finding.Evidence, $"kb/{finding.Id}.md",
            fix is null ? null : new JsonReportFix(fix.Release, fix.Package, fix.Note),
            advisory?.FixCommits.Select(c => new JsonReportCommit(c.Id.Length > 12 ? c.Id[..12] : c.Id, c.Subject, c.Release)).ToList() ?? [],
            SarifReportWriter.Fingerprint(finding),
            finding.SuppressionJustification);
    }

    private static string? Value(Fact<string> fact) => fact.IsPresent ? fact.Value : null;
}
