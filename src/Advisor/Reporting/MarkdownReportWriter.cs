using System.Text;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Knowledge;
using Markdig;
using Markdig.Syntax;

namespace Advisor.Reporting;

/// <summary>
/// The Markdown report, for two audiences. The customer gets what to forward: a summary with the one thing to do
/// first, each finding (what we found with its files, impact, what to do now with the host's own device names,
/// the permanent fix, references), the checks that could not run and a short system overview. The engineer gets
/// all that plus every evidence line, rule ids, files and scopes, suppressed findings, parse and bundle warnings,
/// entries skipped, the decoder and timings.
/// Bundle text always goes through <see cref="MarkdownText"/>; kb text is trusted, reviewed Markdown.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(ReportInput input, ReportAudience audience)
    {
        var md = new StringBuilder();
        var findings = input.OrderedFindings;

        md.AppendLine($"# Advisor report: {MarkdownText.Escape(input.HostLabel)}").AppendLine();
        var caseId = input.Bundle.CaseId is { Length: > 0 } id ? $", case {MarkdownText.Code(id)}" : "";
        md.AppendLine($"Bundle {MarkdownText.Code(input.Bundle.FileName)}{caseId}.").AppendLine();
        md.AppendLine(GeneratedAtLine.Markdown(input, audience)).AppendLine();
        AppendSummary(md, input, findings);
        if (input.Bundle.TruncationReason is { } truncation)
        {
            md.AppendLine($"> **Incomplete bundle:** {MarkdownText.Escape(truncation)}. The analysis covers what could be read.").AppendLine();
        }

        if (input.Bundle.ChecksumMismatch is { } mismatch)
        {
            md.AppendLine($"> **Not the archive sos wrote:** {MarkdownText.Escape(mismatch)}. Ask for the archive again if the analysis looks incomplete.").AppendLine();
        }

        md.AppendLine("## Findings").AppendLine();
        if (findings.Count == 0)
        {
            md.AppendLine("No known issue was found in the checks that could run.").AppendLine();
        }

        foreach (var finding in findings)
        {
            AppendFinding(md, finding, input, audience);
        }

        AppendNotEvaluated(md, input.Analysis);
        AppendOverview(md, input.Facts);
        if (audience == ReportAudience.Engineer)
        {
            AppendEngineerDetails(md, input);
        }

        return md.ToString();
    }

    private static void AppendSummary(StringBuilder md, ReportInput input, IReadOnlyList<Diagnostic> findings)
    {
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToName()}"));
        var notRun = input.Analysis.NotEvaluated.Count;
        md.AppendLine($"**Summary:** {Plural(findings.Count, "finding")} ({counts}); {Plural(notRun, "check")} could not run.").AppendLine();
        if (findings.FirstOrDefault() is not { } first)
        {
            return;
        }

        var command = FirstCommand(input, first);
        var action = command is null ? "" : $": {MarkdownText.Code(command)}";
        md.AppendLine($"**Do this first:** {first.Title} ({Where(first)}){action}. See [{first.Id} below](#{FindingAnchor.For(first)}).").AppendLine();
    }

    /// <summary>The first line of the first code block of the finding's workaround, with the host's names filled in.</summary>
    private static string? FirstCommand(ReportInput input, Diagnostic finding)
    {
        if (input.RuleSet.Articles.GetValueOrDefault(finding.Id) is not { } article) return null;
        var workaround = WorkaroundText.Fill(article.Section("Workaround"), finding);
        var code = Markdown.Parse(workaround).Descendants<FencedCodeBlock>().FirstOrDefault();
        return code is { Lines.Count: > 0 } ? code.Lines.Lines[0].ToString().Trim() : null;
    }

    private static void AppendFinding(StringBuilder md, Diagnostic finding, ReportInput input, ReportAudience audience)
    {
        var article = input.RuleSet.Articles.GetValueOrDefault(finding.Id);
        md.AppendLine($"<a id=\"{FindingAnchor.For(finding)}\"></a>");
        md.AppendLine($"### {finding.Id}: {finding.Title} ({Where(finding)})").AppendLine();
        md.AppendLine($"**Severity:** {finding.Severity.ToName()}").AppendLine();
        md.AppendLine($"**What we found:** {MarkdownText.Escape(finding.Message)}").AppendLine();
        AppendEvidence(md, finding.Evidence, audience);

        if (article is not null)
        {
            AppendSection(md, "Impact", article.Section("Impact"), finding);
            AppendSection(md, "What to do now", article.Section("Workaround"), finding);
            AppendFix(md, article, finding, input.Facts);
            AppendReferences(md, article);
        }

        if (audience == ReportAudience.Engineer)
        {
            AppendRuleDetails(md, finding, input);
        }
    }

    private static void AppendEvidence(StringBuilder md, IReadOnlyList<Evidence> evidence, ReportAudience audience)
    {
        if (evidence.Count == 0) return;
        md.AppendLine(audience == ReportAudience.Engineer ? "**Evidence lines:**" : "**Where we saw it:**").AppendLine();
        foreach (var item in evidence)
        {
            md.AppendLine(audience == ReportAudience.Engineer
                ? $"- {MarkdownText.Code(item.ToString())}"
                : $"- {MarkdownText.Code(item.Path)}{(item.Line > 0 ? $" (line {item.Line})" : "")} reads {MarkdownText.Code(item.Text)}");
        }

        md.AppendLine();
    }

    private static void AppendSection(StringBuilder md, string heading, string text, Diagnostic finding)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        md.AppendLine($"**{heading}:**").AppendLine();
        md.AppendLine(WorkaroundText.Fill(text, finding)).AppendLine();
    }

    private static void AppendFix(StringBuilder md, KbArticle article, Diagnostic finding, HostFacts facts)
    {
        md.AppendLine("**Permanent fix:**").AppendLine();
        var release = facts.Kernel.Release.IsPresent ? facts.Kernel.Release.Value : null;
        var os = facts.Os.PrettyName.IsPresent ? $"{MarkdownText.Escape(facts.Os.PrettyName.Value)}, " : "";
        if (article.Advisory.FixFor(release) is { } fix)
        {
            var package = fix.Package.Length > 0 ? $" (package {MarkdownText.Code(fix.Package)})" : "";
            var note = fix.Note.Length > 0 ? $"; {fix.Note}" : "";
            md.AppendLine($"- For this host ({os}kernel {MarkdownText.Code(release)}): upgrade to kernel {MarkdownText.Code(fix.Release)} or later{package}{note}.");
        }
        else if (article.Advisory.FixedKernels.Count > 0)
        {
            var known = string.Join(", ", article.Advisory.FixedKernels.Select(f => MarkdownText.Code(f.Release)));
            md.AppendLine($"- No fixed build is listed for this host's kernel line ({os}kernel {(release is null ? "unknown" : MarkdownText.Code(release))}); fixed builds exist for {known}.");
        }
        else if (article.Advisory.FixCommits.Count > 0)
        {
            md.AppendLine("- No distribution build with the fix is listed: move to a kernel release that contains the upstream commits below.");
        }

        foreach (var commit in article.Advisory.FixCommits)
        {
            var id = commit.Id.Length > 12 ? commit.Id[..12] : commit.Id;
            md.AppendLine($"- Upstream commit {MarkdownText.Code(id)} \"{commit.Subject}\"{(commit.Release.Length > 0 ? $", first released in {commit.Release}" : "")}.");
        }

        var prose = WorkaroundText.Fill(article.Section("Fix"), finding);
        if (prose.Length > 0)
        {
            md.AppendLine().AppendLine(prose);
        }

        md.AppendLine();
    }

    private static void AppendReferences(StringBuilder md, KbArticle article)
    {
        if (article.Advisory.References.Count == 0) return;
        md.AppendLine("**References:**").AppendLine();
        foreach (var reference in article.Advisory.References)
        {
            md.AppendLine($"- [{reference.Title}]({reference.Url})");
        }

        md.AppendLine();
    }

    private static void AppendRuleDetails(StringBuilder md, Diagnostic finding, ReportInput input)
    {
        var rule = input.RuleSet.Rules.FirstOrDefault(r => r.Id == finding.Id);
        var file = rule is null ? "" : $" ({MarkdownText.Code(rule.SourcePath)})";
        var instance = finding.Instance.Length > 0 ? $", instance {MarkdownText.Code(finding.Instance)}" : "";
        var arguments = finding.Arguments.Count > 0
            ? "; arguments " + string.Join(", ", finding.Arguments.Select(a => $"{MarkdownText.Escape(a.Key)} = {MarkdownText.Code(a.Value)}"))
            : "";
        md.AppendLine($"*Rule {finding.Id}{file}, category {finding.Category}, scope {finding.Scope}{instance}{arguments}.*").AppendLine();
    }

    private static void AppendNotEvaluated(StringBuilder md, AnalysisResult analysis)
    {
        if (analysis.NotEvaluated.Count == 0) return;
        md.AppendLine("## Not evaluated").AppendLine();
        md.AppendLine("These checks could not run because the bundle lacks what they need; they were not passed.").AppendLine();
        foreach (var group in analysis.NotEvaluated.GroupBy(n => (n.Id, n.Title)).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            var instances = group.Where(n => n.Instance.Length > 0).Select(n => n.Instance).Order(StringComparer.Ordinal).Select(MarkdownText.Escape).ToList();
            var missing = group.SelectMany(n => n.MissingInputs).Distinct().Take(5).Select(MarkdownText.Escape);
            var on = instances.Count > 0 ? $" on {string.Join(", ", instances.Take(8))}{(instances.Count > 8 ? $" and {instances.Count - 8} more" : "")}" : "";
            md.AppendLine($"- {group.Key.Id} {group.Key.Title}{on}: missing {string.Join("; ", missing)}");
        }

        md.AppendLine();
    }

    private static void AppendOverview(StringBuilder md, HostFacts facts)
    {
        md.AppendLine("## System overview").AppendLine();
        md.AppendLine("| | Value (file) |").AppendLine("|---|---|");
        Row(md, "Host", facts.Hostname);
        Row(md, "OS", facts.Os.PrettyName);
        Row(md, "Kernel", facts.Kernel.Release);
        Row(md, "Platform", facts.Platform.Virtualization.IsPresent
            ? Fact<string>.Of(facts.Platform.Virtualization.Value == "none" ? "bare metal" : $"virtual ({facts.Platform.Virtualization.Value})", facts.Platform.Virtualization.Source!)
            : facts.Platform.Virtualization);
        Row(md, "System", facts.Platform.Vendor.IsPresent && facts.Platform.Product.IsPresent
            ? Fact<string>.Of($"{facts.Platform.Vendor.Value} {facts.Platform.Product.Value}", facts.Platform.Product.Source!)
            : facts.Platform.Vendor);
        Row(md, "CPU", facts.Cpu.ModelName);
        Row(md, "Sockets", facts.Cpu.Sockets);
        Row(md, "Logical CPUs", facts.Cpu.LogicalCpus);
        md.AppendLine($"| NUMA nodes | {(facts.Numa.Nodes.Count == 0 ? "not collected" : string.Join(", ", facts.Numa.Nodes.OrderBy(n => n.Id).Select(n => $"node{n.Id}: {Cell(n.Cpus)}")))} |");
        Row(md, "Clocksource", facts.Clocksource.Current);
        md.AppendLine();

        var disks = facts.BlockDevices.Where(d => d.Transport is not "loop").OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        if (disks.Count > 0)
        {
            md.AppendLine("| Block device | Kind | Rotational | Scheduler | nomerges |").AppendLine("|---|---|---|---|---|");
            foreach (var device in disks)
            {
                md.AppendLine($"| {MarkdownText.Escape(device.Name)} | {MarkdownText.Escape(device.Transport)} | {Cell(device.Queue.Rotational)} | {Cell(device.Queue.Scheduler)} | {Cell(device.Queue.Nomerges)} |");
            }

            md.AppendLine();
        }
    }

    private static void AppendEngineerDetails(StringBuilder md, ReportInput input)
    {
        md.AppendLine("## For the engineer").AppendLine();
        var bundle = input.Bundle;
        var skipped = Math.Max(0, bundle.EntryCount - bundle.CapturedCount);
        md.AppendLine($"- Bundle id {MarkdownText.Code(bundle.Id)}, format {MarkdownText.Escape(bundle.Format)}, decoder {MarkdownText.Escape(bundle.Decoder)}");
        md.AppendLine($"- Entries listed: {bundle.EntryCount}; captured for parsing: {bundle.CapturedCount}; skipped (read by no parser): {skipped}");
        md.AppendLine($"- Rule set {MarkdownText.Code(input.Analysis.RuleSetVersion)}: {input.Analysis.RulesRun} rules run" +
            (input.Analysis.RuleSetVersion != input.RuleSet.Version ? $"; the kb text shown is from rule set {MarkdownText.Code(input.RuleSet.Version)}" : ""));
        md.AppendLine("- Timings, when the report was written right after the ingest, are on the \"Generated at\" line.");
        md.AppendLine();

        md.AppendLine("### Rules").AppendLine();
        md.AppendLine("| Rule | Title | Category | Scope | Default severity | File |").AppendLine("|---|---|---|---|---|---|");
        foreach (var rule in input.RuleSet.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            md.AppendLine($"| {rule.Id} | {MarkdownText.Escape(rule.Title)} | {MarkdownText.Escape(rule.Category)} | {MarkdownText.Escape(rule.Scope)} | {MarkdownText.Escape(rule.DefaultSeverity)} | {MarkdownText.CellCode(rule.SourcePath)} |");
        }

        md.AppendLine();
        var suppressed = input.SuppressedFindings;
        if (suppressed.Count > 0)
        {
            md.AppendLine("### Suppressed findings").AppendLine();
            foreach (var d in suppressed)
            {
                md.AppendLine($"- {d.Id} ({Where(d)}, {d.Severity.ToName()}): {MarkdownText.Escape(d.Message)}. Suppressed: {MarkdownText.Escape(d.SuppressionJustification)}");
                foreach (var evidence in d.Evidence)
                {
                    md.AppendLine($"  - {MarkdownText.Code(evidence.ToString())}");
                }
            }

            md.AppendLine();
        }

        var warnings = input.Facts.ParseWarnings.Concat(bundle.Warnings).ToList();
        if (warnings.Count > 0)
        {
            md.AppendLine("### Parse and bundle warnings").AppendLine();
            foreach (var warning in warnings.Take(200))
            {
                md.AppendLine($"- {MarkdownText.Escape(warning)}");
            }

            if (warnings.Count > 200) md.AppendLine($"- … and {warnings.Count - 200} more");
            md.AppendLine();
        }
    }

    private static void Row(StringBuilder md, string label, IFact fact) =>
        md.AppendLine($"| {label} | {Cell(fact)}{(fact.State == FactState.Present && fact.Source is { } s ? $" ({MarkdownText.CellCode(s.Path)})" : "")} |");

    private static string Cell(IFact fact) => fact.State switch
    {
        FactState.Present => MarkdownText.Escape(Rules.ValueText.Display(fact)),
        FactState.Missing => "not collected",
        _ => "unusable",
    };

    private static string Where(Diagnostic finding) => finding.Instance.Length > 0 ? MarkdownText.Escape(finding.Instance) : "host";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
