using System.Xml.Linq;

namespace Advisor.Reporting.Charts;

/// <summary>
/// Draws a <see cref="RequestSizeChart"/>: one horizontal bar per storage layer, top layer first, so a drop from
/// 256 KiB on the dm device to 4 KiB on the disk below is visible at a glance.
/// </summary>
public static class RequestSizeChartRenderer
{
    private const double Left = 150, Right = 80, Top = 56, Row = 28, Bottom = 44, PlotWidth = 420;

    public static string Render(RequestSizeChart chart)
    {
        var layers = chart.Layers;
        var plotHeight = Math.Max(1, layers.Count) * Row;
        var width = Left + PlotWidth + Right;
        var height = Top + plotHeight + Bottom;
        var (axisTop, step) = Svg.Axis(layers.Select(l => l.AverageRequestKiB).DefaultIfEmpty(0).Max());

        var svg = Svg.Root(width, height, chart.Title, "chart request-size-chart");
        svg.Add(Svg.Text(8, 20, chart.Title, "start", new XAttribute("font-weight", "600"), new XAttribute("font-size", "14")));
        for (var value = 0.0; value <= axisTop + step / 2; value += step)
        {
            var x = Left + value / axisTop * PlotWidth;
            svg.Add(Svg.Line(x, Top, x, Top + plotHeight, "#d0d7de"));
            svg.Add(Svg.Text(x, Top + plotHeight + 14, Svg.Number(value), "middle"));
        }

        svg.Add(Svg.Text(Left - 8, Top - 10, "layer, top to bottom", "end", new XAttribute("class", "axis-label")));
        var group = new XElement(Svg.Ns + "g", new XAttribute("class", "bars"));
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var y = Top + i * Row;
            var barWidth = Math.Max(0, layer.AverageRequestKiB) / axisTop * PlotWidth;
            group.Add(Svg.Text(Left - 8, y + Row / 2 + 4, Truncate(layer.Layer, 22), "end"));
            group.Add(Svg.Rect(Left, y + 5, barWidth, Row - 10, "#0072B2",
                new XAttribute("class", "bar"),
                Svg.Title($"{layer.Layer}: average request {Svg.Number(layer.AverageRequestKiB)} KiB")));
            group.Add(Svg.Text(Left + barWidth + 6, y + Row / 2 + 4, $"{Svg.Number(layer.AverageRequestKiB)} KiB"));
        }

        svg.Add(group);
        svg.Add(Svg.Line(Left, Top, Left, Top + plotHeight, "#57606a"));
        svg.Add(Svg.Text(Left + PlotWidth / 2, Top + plotHeight + 34, "average request size (KiB)", "middle", new XAttribute("class", "axis-label")));
        return Svg.Serialize(svg);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
