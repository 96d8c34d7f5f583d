using System.Xml.Linq;
using Advisor.Reporting.Charts;

namespace Advisor.Tests.Reporting.Charts;

public sealed class InterruptChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static InterruptChart TwoNodeNic() => new("eth0 (mlx5_comp0..7): interrupts per CPU",
    [
        new InterruptBar(0, 0, 120_000), new InterruptBar(1, 0, 80_000), new InterruptBar(2, 1, 4_000_000), new InterruptBar(3, 1, 3_500_000),
    ], HomeNode: 0);

    [Fact]
    public void Draws_one_bar_per_cpu_coloured_by_its_numa_node_with_a_title_each()
    {
        var svg = XElement.Parse(InterruptChartRenderer.Render(TwoNodeNic()));

        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal(NumaColors.For(0), (string?)bars[0].Attribute("fill"));
        Assert.Equal(NumaColors.For(1), (string?)bars[2].Attribute("fill"));
        Assert.NotEqual(NumaColors.For(0), NumaColors.For(1));
        Assert.Equal("CPU 2 (NUMA node 1): 4,000,000 interrupts", bars[2].Element(Svg + "title")!.Value);
        Assert.Equal("CPU 0 (NUMA node 0, the device's node): 120,000 interrupts", bars[0].Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Bar_heights_follow_the_counts()
    {
        var svg = XElement.Parse(InterruptChartRenderer.Render(TwoNodeNic()));

        var heights = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar")
            .Select(r => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[2] > heights[3] && heights[3] > heights[0] && heights[0] > heights[1]);
        Assert.True(heights[2] > 20 * heights[1]);
    }

    [Fact]
    public void Has_axis_labels_and_a_legend_naming_each_node_and_the_devices_own()
    {
        var svg = XElement.Parse(InterruptChartRenderer.Render(TwoNodeNic()));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("CPU", texts);
        Assert.Contains("interrupts", texts);
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["NUMA node 0 (device's node)", "NUMA node 1"], legend.Elements(Svg + "text").Select(t => t.Value));
        Assert.Equal("eth0 (mlx5_comp0..7): interrupts per CPU", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void A_hostile_title_stays_text()
    {
        var chart = TwoNodeNic() with { Title = "<script>alert(1)</script>\u0001\"' & </svg>" };

        var text = InterruptChartRenderer.Render(chart);

        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("</svg>\"", text);
        var svg = XElement.Parse(text);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal("<script>alert(1)</script>\uFFFD\"' & </svg>", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Many_cpus_get_thinner_bars_and_fewer_labels_but_every_bar()
    {
        var bars = Enumerable.Range(0, 128).Select(cpu => new InterruptBar(cpu, cpu / 32, cpu * 10L)).ToList();

        var svg = XElement.Parse(InterruptChartRenderer.Render(new InterruptChart("nvme0q", bars, null)));

        Assert.Equal(128, svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "bar"));
        Assert.Equal(4, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").Count());
        var cpuLabels = svg.Descendants(Svg + "text").Count(t => int.TryParse(t.Value, out _) && (string?)t.Attribute("text-anchor") == "middle");
        Assert.InRange(cpuLabels, 8, 64);
    }
}
