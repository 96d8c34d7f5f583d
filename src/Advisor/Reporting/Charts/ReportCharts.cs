using Advisor.Diagnostics;
using Advisor.Facts;

namespace Advisor.Reporting.Charts;

/// <summary>
/// The one place that decides which charts the HTML report embeds, from the host's facts and its findings.
/// Today: the storage stack of every finding about a device-mapper device. The interrupts-per-CPU chart
/// (<see cref="InterruptChartRenderer"/>) and the request-size chart (<see cref="RequestSizeChartRenderer"/>) are
/// ready and tested; they are added here once <see cref="HostFacts"/> carries interrupts per CPU with NUMA nodes,
/// iostat records and dm stacking (build an <see cref="InterruptChart"/> per NIC/device with findings, a
/// <see cref="RequestSizeChart"/> per affected stack when iostat is present).
/// </summary>
public static class ReportCharts
{
    public static IReadOnlyList<ReportChart> For(HostFacts facts, IReadOnlyList<Diagnostic> findings)
    {
        var charts = new List<ReportChart>();
        foreach (var finding in findings.Where(f => f.Instance.Length > 0))
        {
            if (StorageStackBuilder.ForDeviceMapper(facts, finding.Instance) is { } stack)
            {
                charts.Add(new ReportChart(FindingAnchor.For(finding), stack.Title, StorageStackChartRenderer.Render(stack)));
            }
        }

        return charts;
    }
}
