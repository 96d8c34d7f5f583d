using Advisor.Facts;

namespace Advisor.Reporting;

// The JSON report's shape (docs/report-json.md). Records, so the documented shape is the compiled one.

public sealed record JsonReport(
    int FormatVersion,
    JsonReportBundle Bundle,
    DateTime GeneratedAt,
    string RuleSetVersion,
    JsonReportSummary Summary,
    IReadOnlyList<JsonReportFinding> Findings,
    IReadOnlyList<JsonReportFinding> Suppressed,
    IReadOnlyList<JsonReportNotEvaluated> NotEvaluated,
    JsonReportSystem System,
    IReadOnlyList<string> ParseWarnings,
    HostFacts Facts);

public sealed record JsonReportBundle(
    string Id, string FileName, string? CaseId, string Format, string Decoder, int EntryCount, int CapturedCount, string? TruncationReason, string? ChecksumMismatch, IReadOnlyList<string> Warnings);

public sealed record JsonReportSummary(int Errors, int Warnings, int Infos, int Suppressed, int NotEvaluated);

public sealed record JsonReportFinding(
    string Id,
    string Title,
    string Category,
    string Severity,
    string Message,
    string Scope,
    string Instance,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyList<Evidence> Evidence,
    string KbArticle,
    JsonReportFix? FixedKernel,
    IReadOnlyList<JsonReportCommit> FixCommits,
    string Fingerprint,
    string? SuppressionJustification);

public sealed record JsonReportFix(string Release, string Package, string Note);

public sealed record JsonReportCommit(string Id, string Subject, string Release);

public sealed record JsonReportNotEvaluated(string Id, string Title, string Instance, IReadOnlyList<string> MissingInputs);

public sealed record JsonReportSystem(
    string? Hostname,
    string? Os,
    string? KernelRelease,
    string? Virtualization,
    string? Vendor,
    string? Product,
    string? CpuModel,
    int? Sockets,
    int? LogicalCpus,
    int NumaNodes,
    string? Clocksource,
    IReadOnlyList<string> BlockDevices,
    IReadOnlyList<string> DeviceMapperDevices);
