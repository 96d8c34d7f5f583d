namespace Advisor.Reporting.Charts;

/// <summary>A rendered chart for the HTML report, shown under the finding whose anchor it names.</summary>
public sealed record ReportChart(string FindingAnchor, string Caption, string Svg);
