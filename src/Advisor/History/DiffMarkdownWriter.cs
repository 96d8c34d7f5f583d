using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Advisor.Reporting;

namespace Advisor.History;

/// <summary>The customer-readable "what changed" page: facts by area, then findings new, resolved and persisting.</summary>
public static partial class DiffMarkdownWriter
{
    private static readonly Dictionary<string, string> SectionTitles = new(StringComparer.Ordinal)
    {
        ["hostname"] = "Host",
        ["kernel"] = "Kernel",
        ["os"] = "Operating system",
        ["platform"] = "Platform and firmware",
        ["cpu"] = "CPU",
        ["numa"] = "NUMA",
        ["blockDevices"] = "Block devices",
        ["deviceMapperTargets"] = "Device mapper",
        ["clocksource"] = "Clock",
        ["nics"] = "Network interfaces",
        ["interrupts"] = "Interrupt placement",
        ["settings"] = "Kernel settings",
        ["packages"] = "Packages",
    };

    public static string Write(BundleDiff diff)
    {
        var md = new StringBuilder();
        var host = diff.After.Hostname.Length > 0 ? diff.After.Hostname : diff.After.FileName;
        md.AppendLine($"# What changed on {MarkdownText.Escape(host)}").AppendLine();
        md.AppendLine($"- **Before:** {MarkdownText.Code(diff.Before.FileName)} ({diff.Before.ShortId}, kernel {MarkdownText.Code(diff.Before.KernelRelease)}, ingested {diff.Before.IngestedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)");
        md.AppendLine($"- **After:** {MarkdownText.Code(diff.After.FileName)} ({diff.After.ShortId}, kernel {MarkdownText.Code(diff.After.KernelRelease)}, ingested {diff.After.IngestedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)");
        if (diff.Before.Id == diff.After.Id)
        {
            md.AppendLine($"- Two analyses of the same bundle: rule set {MarkdownText.Code(diff.BeforeRuleSet)} then {MarkdownText.Code(diff.AfterRuleSet)}");
        }

        md.AppendLine();
        md.AppendLine("## Findings").AppendLine();
        AppendFindings(md, "New", diff.NewFindings);
        AppendFindings(md, "Resolved", diff.ResolvedFindings);
        AppendFindings(md, "Persisting", diff.PersistingFindings);
        if (diff.NewFindings.Count + diff.ResolvedFindings.Count + diff.PersistingFindings.Count == 0)
        {
            md.AppendLine("Neither bundle has findings.").AppendLine();
        }

        md.AppendLine("## What changed on the system").AppendLine();
        if (diff.Changes.Count == 0)
        {
            md.AppendLine("Nothing that Advisor reads differs between the two.").AppendLine();
            return md.ToString();
        }

        foreach (var group in Readable(diff.Changes).GroupBy(GroupOf).OrderBy(g => Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            md.AppendLine($"### {group.Key}").AppendLine();
            md.AppendLine("| | Before | After |").AppendLine("|---|---|---|");
            foreach (var change in group)
            {
                md.AppendLine($"| {MarkdownText.Escape(Label(change.Label))} | {Cell(change.Before)} | {Cell(change.After)} |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void AppendFindings(StringBuilder md, string heading, List<FindingChange> findings)
    {
        if (findings.Count == 0) return;
        md.AppendLine($"**{heading}:**").AppendLine();
        foreach (var f in findings.OrderBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Instance, StringComparer.Ordinal))
        {
            md.AppendLine($"- {f.Id} {MarkdownText.Escape(f.Title)}{(f.Instance.Length > 0 ? $" ({MarkdownText.Escape(f.Instance)})" : "")}, {f.Severity.ToString().ToLowerInvariant()}");
        }

        md.AppendLine();
    }

    /// <summary>Packages as one row each (their version: absent before means installed, absent after means removed); the rest as is.</summary>
    private static IEnumerable<FactChange> Readable(IEnumerable<FactChange> changes) =>
        changes.Where(c => c.Section != "packages" || c.Key.EndsWith("].version", StringComparison.Ordinal))
            .Select(c => c.Section == "packages" && PackageName().Match(c.Key) is { Success: true } m ? c with { Label = $"packages[{m.Groups[1].Value}]" } : c);

    /// <summary>The area a change belongs to; packages are split into kernel, drivers, firmware and the rest.</summary>
    internal static string GroupOf(FactChange change)
    {
        var title = SectionTitles.GetValueOrDefault(change.Section, change.Section);
        if (change.Section != "packages") return title;
        var name = PackageName().Match(change.Key) is { Success: true } m ? m.Groups[1].Value : change.Key;
        return name switch
        {
            _ when name.StartsWith("linux-", StringComparison.Ordinal) || name.StartsWith("kernel", StringComparison.Ordinal) => "Packages: kernel",
            _ when name.Contains("firmware", StringComparison.Ordinal) || name.StartsWith("microcode", StringComparison.Ordinal) || name.EndsWith("-microcode", StringComparison.Ordinal) => "Packages: firmware",
            _ when name.Contains("dkms", StringComparison.Ordinal) || name.Contains("ofed", StringComparison.OrdinalIgnoreCase) || name.StartsWith("kmod-", StringComparison.Ordinal) || name.Contains("driver", StringComparison.Ordinal) || name.StartsWith("mlnx", StringComparison.Ordinal) => "Packages: drivers",
            _ => "Packages: everything else",
        };
    }

    private static int Order(string group)
    {
        var index = SectionTitles.Values.ToList().FindIndex(t => group.StartsWith(t, StringComparison.Ordinal));
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>
    /// <c>blockDevices[nvme1n1].queue.nomerges</c> → <c>nvme1n1 queue nomerges</c>: the section is the table's heading,
    /// names in brackets stay as written, property names become words.
    /// </summary>
    private static string Label(string key)
    {
        var parts = LabelParts().Matches(key).Select(m => m.Value).Skip(1).Where(p => p != "value");
        return string.Join(' ', parts.Select(p => p.StartsWith('[') ? p[1..^1] : Words(p)));
    }

    private static string Words(string identifier) => CamelHumps().Replace(identifier, " $1").ToLowerInvariant().Trim();

    private static string Cell(string? value) => value is null ? "(absent)" : value.Length == 0 ? "(empty)" : MarkdownText.Code(value);

    [GeneratedRegex(@"^packages[^\[]*\[([^\]]+)\]")]
    private static partial Regex PackageName();

    [GeneratedRegex(@"\[[^\]]*\]|[^.\[\]]+")]
    private static partial Regex LabelParts();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CamelHumps();
}
