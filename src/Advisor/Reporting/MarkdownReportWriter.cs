using System.Globalization;
using System.Text;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Knowledge;

namespace Advisor.Reporting;

/// <summary>
/// The customer-facing Markdown report (and its engineer variant). Bundle text always goes through
/// <see cref="MarkdownText"/>; kb text is trusted, reviewed Markdown.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(ReportInput input, ReportAudience audience)
    {
        var md = new StringBuilder();
        var facts = input.Facts;
        var findings = input.OrderedFindings;
        var host = facts.Hostname.IsPresent ? facts.Hostname.Value : input.Bundle.FileName;

        md.AppendLine($"# Advisor report: {MarkdownText.Escape(host)}").AppendLine();
        md.AppendLine($"Bundle {MarkdownText.Code(input.Bundle.FileName)}, generated {input.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.").AppendLine();
        AppendSummary(md, input, findings);
        if (input.Bundle.TruncationReason is { } truncation)
        {
            md.AppendLine($"> **Incomplete bundle:** {MarkdownText.Escape(truncation)}. The analysis covers what could be read.").AppendLine();
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
        AppendOverview(md, facts);
        if (audience == ReportAudience.Engineer)
        {
            AppendEngineerDetails(md, input);
        }

        return md.ToString();
    }

    private static void AppendSummary(StringBuilder md, ReportInput input, IReadOnlyList<Diagnostic> findings)
    {
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Select(c => $"{c.Count} {c.Severity.ToName()}{(c.Count == 1 ? "" : "s")}"));
        md.AppendLine($"**Summary:** {findings.Count} finding{(findings.Count == 1 ? "" : "s")} ({counts}); {input.Analysis.NotEvaluated.Count} check{(input.Analysis.NotEvaluated.Count == 1 ? "" : "s")} could not run.").AppendLine();
        if (findings.FirstOrDefault() is { } first)
        {
            md.AppendLine($"**Do this first:** {first.Title} ({Where(first)}): see [{first.Id}](#{Anchor(first)}).").AppendLine();
        }
    }

    private static void AppendFinding(StringBuilder md, Diagnostic finding, ReportInput input, ReportAudience audience)
    {
        var article = input.RuleSet.Articles.GetValueOrDefault(finding.Id);
        md.AppendLine($"<a id=\"{Anchor(finding)}\"></a>");
        md.AppendLine($"### {finding.Id}: {finding.Title} ({Where(finding)})").AppendLine();
        md.AppendLine($"**Severity:** {finding.Severity.ToName()}").AppendLine();
        md.AppendLine($"**What we found:** {MarkdownText.Escape(finding.Message)}").AppendLine();
        if (finding.Evidence.Count > 0)
        {
            md.AppendLine("**Evidence:**").AppendLine();
            foreach (var evidence in finding.Evidence)
            {
                md.AppendLine(audience == ReportAudience.Engineer
                    ? $"- {MarkdownText.Code(evidence.ToString())}"
                    : $"- {MarkdownText.Code(evidence.Text)} in {MarkdownText.Code(evidence.Path)}{(evidence.Line > 0 ? $", line {evidence.Line}" : "")}");
            }

            md.AppendLine();
        }

        if (article is null)
        {
            return;
        }

        AppendSection(md, "Why it matters", article.Section("Impact"), finding);
        AppendSection(md, "What to do now", article.Section("Workaround"), finding);
        AppendFix(md, article, finding, input.Facts);
        if (article.Advisory.References.Count > 0)
        {
            md.AppendLine("**References:**").AppendLine();
            foreach (var reference in article.Advisory.References)
            {
                md.AppendLine($"- [{reference.Title}]({reference.Url})");
            }

            md.AppendLine();
        }

        if (audience == ReportAudience.Engineer)
        {
            md.AppendLine($"*Rule {finding.Id}, category {finding.Category}, scope {finding.Scope}{(finding.Instance.Length > 0 ? $" ({MarkdownText.Escape(finding.Instance)})" : "")}.*").AppendLine();
        }
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
        if (article.Advisory.FixFor(release) is { } fix)
        {
            var package = fix.Package.Length > 0 ? $" (package {MarkdownText.Code(fix.Package)})" : "";
            var note = fix.Note.Length > 0 ? $"; {fix.Note}" : "";
            md.AppendLine($"- For this host's kernel line: upgrade to kernel {MarkdownText.Code(fix.Release)} or later{package}{note}.");
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

    private static void AppendNotEvaluated(StringBuilder md, AnalysisResult analysis)
    {
        if (analysis.NotEvaluated.Count == 0) return;
        md.AppendLine("## Not evaluated").AppendLine();
        md.AppendLine("These checks could not run because the bundle lacks what they need; they were not passed.").AppendLine();
        foreach (var group in analysis.NotEvaluated.GroupBy(n => (n.Id, n.Title)).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
        {
            var instances = group.Where(n => n.Instance.Length > 0).Select(n => MarkdownText.Escape(n.Instance)).ToList();
            var missing = group.SelectMany(n => n.MissingInputs).Distinct().Take(5).Select(MarkdownText.Escape);
            var on = instances.Count > 0 ? $" on {string.Join(", ", instances.Take(8))}{(instances.Count > 8 ? $" and {instances.Count - 8} more" : "")}" : "";
            md.AppendLine($"- {group.Key.Id} {group.Key.Title}{on}: missing {string.Join("; ", missing)}");
        }

        md.AppendLine();
    }

    private static void AppendOverview(StringBuilder md, HostFacts facts)
    {
        md.AppendLine("## System overview").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
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
        md.AppendLine($"| NUMA nodes | {(facts.Numa.Nodes.Count == 0 ? "not collected" : string.Join(", ", facts.Numa.Nodes.Select(n => $"node{n.Id}: {MarkdownText.Escape(n.Cpus.ToString())}")))} |");
        Row(md, "Clocksource", facts.Clocksource.Current);
        md.AppendLine();

        var disks = facts.BlockDevices.Where(d => d.Transport is not "loop").ToList();
        if (disks.Count > 0)
        {
            md.AppendLine("| Block device | Kind | Rotational | Scheduler | nomerges |").AppendLine("|---|---|---|---|---|");
            foreach (var device in disks)
            {
                md.AppendLine($"| {MarkdownText.Escape(device.Name)} | {device.Transport} | {Cell(device.Queue.Rotational)} | {Cell(device.Queue.Scheduler)} | {Cell(device.Queue.Nomerges)} |");
            }

            md.AppendLine();
        }
    }

    private static void AppendEngineerDetails(StringBuilder md, ReportInput input)
    {
        md.AppendLine("## For the engineer").AppendLine();
        var bundle = input.Bundle;
        md.AppendLine($"- Bundle id {MarkdownText.Code(bundle.Id)}, {bundle.Format}, decoder {MarkdownText.Escape(bundle.Decoder)}");
        md.AppendLine($"- Entries listed: {bundle.EntryCount}; files captured for parsing: {bundle.CapturedCount}");
        md.AppendLine($"- Rule set {MarkdownText.Code(input.Analysis.RuleSetVersion)}: {input.Analysis.RulesRun} rules run");
        if (input.Timings is { Count: > 0 } timings)
        {
            md.AppendLine($"- Timings: {string.Join(", ", timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"))}");
        }

        md.AppendLine();
        var suppressed = input.Analysis.Diagnostics.Where(d => d.IsSuppressed).ToList();
        if (suppressed.Count > 0)
        {
            md.AppendLine("### Suppressed findings").AppendLine();
            foreach (var d in suppressed)
            {
                md.AppendLine($"- {d.Id} {MarkdownText.Escape(d.Message)}: suppressed, {MarkdownText.Escape(d.SuppressionJustification)}");
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
        md.AppendLine($"| {label} | {Cell(fact)}{(fact.Source is { } s ? $" ({MarkdownText.Code(s.Path)})" : "")} |");

    private static string Cell(IFact fact) => fact.State switch
    {
        FactState.Present => MarkdownText.Escape(Rules.ValueText.Display(fact)),
        FactState.Missing => "not collected",
        _ => "unusable",
    };

    private static string Where(Diagnostic finding) => finding.Instance.Length > 0 ? MarkdownText.Escape(finding.Instance) : "host";

    private static string Anchor(Diagnostic finding)
    {
        var instance = new string(finding.Instance.Where(char.IsAsciiLetterOrDigit).ToArray());
        return (finding.Id + (instance.Length > 0 ? "-" + instance : "")).ToLowerInvariant();
    }
}
