using System.Globalization;
using System.Xml.Linq;
using Advisor.Reporting.Charts;

namespace Advisor.Tests.Reporting.Charts;

public sealed class RequestSizeChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Draws_one_bar_per_layer_top_first_with_widths_in_proportion()
    {
        var chart = new RequestSizeChart("Average request size, data-snap stack",
            [new RequestSizeBar("data-snap", 256), new RequestSizeBar("data-snap-cow", 4), new RequestSizeBar("nvme1n1", 4)]);

        var svg = XElement.Parse(RequestSizeChartRenderer.Render(chart));

        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.Equal(3, bars.Count);
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(64, widths[0] / widths[1], 1);
        var ys = bars.Select(b => double.Parse((string)b.Attribute("y")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] < ys[1] && ys[1] < ys[2]);
        Assert.Equal("data-snap: average request 256 KiB", bars[0].Element(Svg + "title")!.Value);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("average request size (KiB)", texts);
        Assert.Contains("4 KiB", texts);
    }

    [Fact]
    public void Layer_names_from_a_bundle_are_escaped()
    {
        var chart = new RequestSizeChart("t", [new RequestSizeBar("<img src=x onerror=alert(1)>", 8)]);

        var text = RequestSizeChartRenderer.Render(chart);

        Assert.DoesNotContain("<img", text);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", text);
    }
}
