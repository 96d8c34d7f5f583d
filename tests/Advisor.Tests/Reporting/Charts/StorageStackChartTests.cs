using System.Globalization;
using System.Xml.Linq;
using Advisor.Facts;
using Advisor.Reporting.Charts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting.Charts;

public sealed class StorageStackChartTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private HostFacts SampleFacts()
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);
        return StoredReports.Load(temp.DatabasePath, id).Facts;
    }

    [Fact]
    public void The_snapshot_stack_of_the_sample_names_its_origin_and_cow_store_from_the_dmsetup_table()
    {
        var chart = StorageStackBuilder.ForDeviceMapper(SampleFacts(), "data-snap")!;

        var top = Assert.Single(chart.Devices, d => d.Affected);
        Assert.Equal("data-snap", top.Label);
        Assert.Equal("dm snapshot, 100 GiB", top.Detail);
        Assert.Contains(chart.Devices, d => d.Label == "device 253:1" && d.Detail == "origin of data-snap");
        Assert.Contains(chart.Devices, d => d.Label == "device 253:2" && d.Detail == "COW store of data-snap");
        Assert.Equal([new StackLink("data-snap", "dev:253:1"), new StackLink("data-snap", "dev:253:2")], chart.Links);
    }

    [Fact]
    public void With_names_for_device_numbers_the_stack_is_followed_down_through_dm_devices()
    {
        var names = new Dictionary<string, string> { ["253:1"] = "data-vol-real", ["253:2"] = "data-snap-cow", ["259:1"] = "nvme1n1" };

        var chart = StorageStackBuilder.ForDeviceMapper(SampleFacts(), "data-snap", names)!;

        Assert.Equal(["data-snap", "data-vol-real", "nvme1n1", "data-snap-cow"], chart.Devices.Select(d => d.Label));
        Assert.Contains(new StackLink("data-vol-real", "dev:259:1"), chart.Links);
        Assert.Contains(new StackLink("data-snap-cow", "dev:259:1"), chart.Links);
        Assert.Single(chart.Devices, d => d.Label == "nvme1n1");
    }

    [Fact]
    public void A_device_without_a_dm_table_has_no_stack()
    {
        Assert.Null(StorageStackBuilder.ForDeviceMapper(SampleFacts(), "nvme0n1"));
    }

    [Fact]
    public void Lower_devices_are_drawn_below_the_devices_built_on_them_and_the_affected_one_is_marked()
    {
        var chart = new StorageStackChart("stack",
            [new StackDevice("a", "vg-snap", "dm snapshot", Affected: true), new StackDevice("b", "vg-real", "dm linear"), new StackDevice("c", "sdb", "disk")],
            [new StackLink("a", "b"), new StackLink("b", "c"), new StackLink("a", "c")]);

        var svg = XElement.Parse(StorageStackChartRenderer.Render(chart));

        var boxes = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ')[0] == "device").ToList();
        Assert.Equal(3, boxes.Count);
        double Y(int i) => double.Parse((string)boxes[i].Element(Svg + "rect")!.Attribute("y")!, CultureInfo.InvariantCulture);
        Assert.True(Y(0) < Y(1) && Y(1) < Y(2), "sdb is used by both, so it goes below vg-real");
        Assert.Equal("device affected", (string?)boxes[0].Attribute("class"));
        Assert.Equal("vg-snap: dm snapshot (the device this finding is about)", boxes[0].Element(Svg + "title")!.Value);
        Assert.Equal(3, svg.Descendants(Svg + "line").Count());
    }

    [Fact]
    public void A_cycle_in_malformed_input_still_renders()
    {
        var chart = new StorageStackChart("loop", [new StackDevice("a", "a", ""), new StackDevice("b", "b", "")], [new StackLink("a", "b"), new StackLink("b", "a")]);

        var svg = XElement.Parse(StorageStackChartRenderer.Render(chart));

        Assert.Equal(2, svg.Descendants(Svg + "rect").Count());
    }
}
