using System.Xml.Linq;

namespace Advisor.Reporting.Charts;

/// <summary>
/// Draws a <see cref="StorageStackChart"/>: devices in rows by depth (the top device first), each device linked to
/// the devices it is built on; the affected device is outlined in the warning colour.
/// </summary>
public static class StorageStackChartRenderer
{
    private const double BoxWidth = 170, BoxHeight = 46, Gap = 24, RowHeight = 86, Margin = 16, Top = 40;

    public static string Render(StorageStackChart chart)
    {
        var depth = Depths(chart);
        var rows = chart.Devices.GroupBy(d => depth[d.Id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var widest = rows.Select(r => r.Count).DefaultIfEmpty(1).Max();
        var width = Math.Max(360, Margin * 2 + widest * BoxWidth + (widest - 1) * Gap);
        var height = Top + (rows.Count - 1) * RowHeight + BoxHeight + 12;

        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Count * BoxWidth + (rows[r].Count - 1) * Gap;
            var x = (width - rowWidth) / 2;
            foreach (var device in rows[r])
            {
                position[device.Id] = (x, Top + r * RowHeight);
                x += BoxWidth + Gap;
            }
        }

        var svg = Svg.Root(width, height, chart.Title, "chart storage-stack-chart");
        svg.Add(Svg.Text(Margin, 22, Fit(chart.Title, (int)((width - 2 * Margin) / 8)), "start", new XAttribute("font-weight", "600"), new XAttribute("font-size", "14")));
        var links = new XElement(Svg.Ns + "g", new XAttribute("class", "links"));
        foreach (var link in chart.Links.Where(l => position.ContainsKey(l.Upper) && position.ContainsKey(l.Lower)))
        {
            var (ux, uy) = position[link.Upper];
            var (lx, ly) = position[link.Lower];
            links.Add(Svg.Line(ux + BoxWidth / 2, uy + BoxHeight, lx + BoxWidth / 2, ly, "#57606a", 1.5));
        }

        svg.Add(links);
        var boxes = new XElement(Svg.Ns + "g", new XAttribute("class", "devices"));
        foreach (var device in chart.Devices)
        {
            var (x, y) = position[device.Id];
            boxes.Add(new XElement(Svg.Ns + "g",
                new XAttribute("class", device.Affected ? "device affected" : "device"),
                Svg.Title($"{device.Label}: {device.Detail}{(device.Affected ? " (the device this finding is about)" : "")}"),
                Svg.Rect(x, y, BoxWidth, BoxHeight, device.Affected ? "#fff8c5" : "#f6f8fa",
                    new XAttribute("stroke", device.Affected ? "#bf8700" : "#57606a"),
                    new XAttribute("stroke-width", device.Affected ? "2.5" : "1"),
                    new XAttribute("rx", "6")),
                Svg.Text(x + BoxWidth / 2, y + 19, Fit(device.Label, 26), "middle", new XAttribute("font-weight", "600")),
                Svg.Text(x + BoxWidth / 2, y + 36, Fit(device.Detail, 26), "middle", new XAttribute("fill", "#57606a"), new XAttribute("font-size", "11"))));
        }

        svg.Add(boxes);
        return Svg.Serialize(svg);
    }

    /// <summary>Each device's row: 0 for devices nothing is built on, else one below its deepest upper device.</summary>
    private static Dictionary<string, int> Depths(StorageStackChart chart)
    {
        var depth = chart.Devices.ToDictionary(d => d.Id, _ => 0, StringComparer.Ordinal);
        // longest-path relaxation, bounded so a (malformed) cycle cannot loop forever
        for (var pass = 0; pass < chart.Devices.Count; pass++)
        {
            var changed = false;
            foreach (var link in chart.Links)
            {
                if (depth.TryGetValue(link.Upper, out var upper) && depth.TryGetValue(link.Lower, out var lower) && lower < upper + 1)
                {
                    depth[link.Lower] = upper + 1;
                    changed = true;
                }
            }

            if (!changed) break;
        }

        return depth;
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
