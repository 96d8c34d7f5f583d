using System.Text.Json;
using Advisor.Facts;

namespace Advisor.Reporting;

/// <summary>
/// The JSON report: <c>bundle</c>, <c>ruleSetVersion</c>, <c>findings[]</c> (id, title, category, severity,
/// message, scope, instance, arguments, evidence[{path,line,text}], suppressionJustification),
/// <c>notEvaluated[]</c>, and <c>facts</c> (the same shape as <c>advisor facts --format json</c>).
/// </summary>
public static class JsonReportWriter
{
    public static string Write(ReportInput input)
    {
        var document = new
        {
            bundle = new { input.Bundle.Id, input.Bundle.FileName, input.Bundle.Hostname, input.Bundle.KernelRelease, input.Bundle.CaseId, input.Bundle.TruncationReason },
            generatedAt = input.GeneratedAt,
            ruleSetVersion = input.Analysis.RuleSetVersion,
            findings = input.OrderedFindings,
            suppressed = input.Analysis.Diagnostics.Where(d => d.IsSuppressed),
            notEvaluated = input.Analysis.NotEvaluated,
            facts = input.Facts,
        };
        return JsonSerializer.Serialize(document, FactsJson.Options);
    }
}
