using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class LvsParserTests
{
    [Fact]
    public void Hotsos_lvs_with_tags_and_devices()
    {
        var bundle = RealCaptures.Openstack;
        var path = bundle.CapturedFiles.Single(f => f.Path.StartsWith("sos_commands/lvm2/lvs_", StringComparison.Ordinal)).Path;

        var lv = Assert.Single(LvsParser.Parse(RealCaptures.FileOf(bundle, path)).Value!);

        Assert.Equal(("osd-block-48858aa1-71a3-4f0e-95f3-a07d1d9a6749", "ceph-48858aa1-71a3-4f0e-95f3-a07d1d9a6749", "-wi-ao----", "99.98g"), (lv.Name, lv.VolumeGroup, lv.Attributes, lv.Size));
        Assert.Equal("", lv.Origin);
        Assert.Equal("/dev/mapper/crypt-48858aa1-71a3-4f0e-95f3-a07d1d9a6749(0)", lv.Devices);
        Assert.False(lv.IsSnapshot);
        Assert.Equal(3, lv.Source!.Line);
    }

    [Fact]
    public void Snapshot_rows_with_blank_cells()
    {
        var lvs = """
              LV        VG   Attr       LSize   Pool Origin Data%  Meta%  Move Log Cpy%Sync Convert Devices
              data-snap data swi-a-s---  10.00g      vol    12.51                                   /dev/nvme1n1(25600)
              vol       data owi-aos--- 100.00g                                                     /dev/nvme1n1(0)
            """;

        var volumes = LvsParser.Parse(new TextLines("lvs", lvs)).Value!;

        Assert.True(volumes[0].IsSnapshot);
        Assert.Equal("vol", volumes[0].Origin);
        Assert.Equal("/dev/nvme1n1(25600)", volumes[0].Devices);
        Assert.True(volumes[1].IsOrigin);
        Assert.Equal("", volumes[1].Origin);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(LvsParser.Parse(new TextLines("l", "")).IsUsable);
        Assert.False(LvsParser.Parse(new TextLines("l", "  WARNING: Running as a non-root user.\n  /run/lock/lvm/P_global:aux: open failed: Permission denied\n")).IsUsable);
    }
}
