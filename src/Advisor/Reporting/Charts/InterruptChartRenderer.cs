using System.Globalization;
using System.Xml.Linq;

namespace Advisor.Reporting.Charts;

/// <summary>
/// Draws an <see cref="InterruptChart"/>: a vertical bar per CPU (its interrupt count), coloured by NUMA node,
/// with axis labels, a legend of node colours (the device's home node marked) and a <c>&lt;title&gt;</c> per bar.
/// </summary>
public static class InterruptChartRenderer
{
    private const double Left = 64, Right = 16, Top = 36, Bottom = 64, PlotHeight = 200;

    public static string Render(InterruptChart chart)
    {
        var bars = chart.Bars.OrderBy(b => b.Cpu).ToList();
        var slot = bars.Count <= 16 ? 32.0 : bars.Count <= 64 ? 14.0 : 7.0;
        var plotWidth = Math.Max(240, bars.Count * slot);
        var width = Left + plotWidth + Right;
        var height = Top + PlotHeight + Bottom;
        var (axisTop, step) = Svg.Axis(bars.Select(b => (double)b.Count).DefaultIfEmpty(0).Max());

        var svg = Svg.Root(width, height, chart.Title, "chart interrupt-chart");
        svg.Add(Svg.Text(Left, 20, chart.Title, "start", new XAttribute("font-weight", "600"), new XAttribute("font-size", "14")));

        for (var value = 0.0; value <= axisTop + step / 2; value += step)
        {
            var y = Top + PlotHeight - value / axisTop * PlotHeight;
            svg.Add(Svg.Line(Left, y, Left + plotWidth, y, "#d0d7de"));
            svg.Add(Svg.Text(Left - 6, y + 4, Svg.Short(value), "end"));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / (plotWidth / 28)));
        var group = new XElement(Svg.Ns + "g", new XAttribute("class", "bars"));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var barHeight = bar.Count / axisTop * PlotHeight;
            var x = Left + i * (plotWidth / bars.Count);
            var barWidth = plotWidth / bars.Count * 0.8;
            var home = chart.HomeNode is { } homeNode && homeNode == bar.Node ? ", the device's node" : "";
            group.Add(Svg.Rect(x + barWidth * 0.125, Top + PlotHeight - barHeight, barWidth, barHeight, NumaColors.For(bar.Node),
                new XAttribute("class", "bar"),
                new XAttribute("data-cpu", bar.Cpu.ToString(CultureInfo.InvariantCulture)),
                Svg.Title($"CPU {bar.Cpu} (NUMA node {bar.Node}{home}): {bar.Count.ToString("N0", CultureInfo.InvariantCulture)} interrupts")));
            if (i % labelEvery == 0)
            {
                svg.Add(Svg.Text(x + plotWidth / bars.Count / 2, Top + PlotHeight + 14, bar.Cpu.ToString(CultureInfo.InvariantCulture), "middle"));
            }
        }

        svg.Add(group);
        svg.Add(Svg.Line(Left, Top + PlotHeight, Left + plotWidth, Top + PlotHeight, "#57606a"));
        svg.Add(Svg.Line(Left, Top, Left, Top + PlotHeight, "#57606a"));
        svg.Add(Svg.Text(Left + plotWidth / 2, Top + PlotHeight + 32, "CPU", "middle", new XAttribute("class", "axis-label")));
        svg.Add(Svg.Text(16, Top + PlotHeight / 2, "interrupts", "middle", new XAttribute("class", "axis-label"),
            new XAttribute("transform", $"rotate(-90 16 {Svg.Number(Top + PlotHeight / 2)})")));
        svg.Add(Legend(bars.Select(b => b.Node).Distinct().Order().ToList(), chart.HomeNode, Left, Top + PlotHeight + 50));
        return Svg.Serialize(svg);
    }

    private static XElement Legend(IReadOnlyList<int> nodes, int? homeNode, double x, double y)
    {
        var legend = new XElement(Svg.Ns + "g", new XAttribute("class", "legend"));
        foreach (var node in nodes)
        {
            var label = $"NUMA node {node}{(homeNode == node ? " (device's node)" : "")}";
            legend.Add(Svg.Rect(x, y - 10, 12, 12, NumaColors.For(node)));
            legend.Add(Svg.Text(x + 16, y, label));
            x += 24 + label.Length * 6.5;
        }

        return legend;
    }
}
