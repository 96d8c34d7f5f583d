using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary>dmsetup table / status / info -c and lvs.</summary>
public sealed class DeviceMapperParserTests
{
    [Fact]
    public void Insights_dmsetup_info_C_rows()
    {
        var rows = DmsetupInfoParser.Parse(RealCaptures.Sample("insights-core/dmsetup_info_-C/1.txt")).Value!;

        Assert.Equal(11, rows.Count);
        var tmp = rows.Single(r => r.Name == "VG00-tmp");
        Assert.Equal("253:8", tmp.MajorMinor.Value);
        Assert.Equal(1, tmp.OpenCount.Value);
        Assert.Equal("LVM-gy9uAwD7LuTIApplr2sogbOx5iS0FTax6lLmBji2ueSbX49gxcV76M29cmukQiw4", tmp.Uuid.Value);
        Assert.Equal(2, tmp.MajorMinor.Source!.Line);
    }

    [Fact]
    public void Hotsos_table_status_info_and_lvs()
    {
        var bundle = RealCaptures.Openstack;
        var table = DmsetupTableParser.Parse(RealCaptures.FileOf(bundle, DmsetupTableParser.SosPath)).Value!;
        Assert.Equal(3, table.Count);
        var crypt = table.Single(t => t.Device == "crypt-48858aa1-71a3-4f0e-95f3-a07d1d9a6749");
        Assert.Equal("crypt", crypt.Type);
        Assert.Equal(["251:128"], crypt.DeviceNumbers);
        Assert.False(crypt.HasArgument("no_read_workqueue"));

        var status = DmsetupTableParser.Parse(RealCaptures.FileOf(bundle, "sos_commands/devicemapper/dmsetup_status")).Value!;
        Assert.Equal(["crypt", "linear", "crypt"], status.Select(s => s.Type));

        var info = DmsetupInfoParser.Parse(RealCaptures.FileOf(bundle, DmsetupInfoParser.SosPath)).Value!;
        Assert.Equal(24, info.Single(r => r.Name.StartsWith("ceph--", StringComparison.Ordinal)).OpenCount.Value);

        var lvsPath = bundle.CapturedFiles.Single(f => f.Path.StartsWith("sos_commands/lvm2/lvs_", StringComparison.Ordinal)).Path;
        var lv = Assert.Single(LvsParser.Parse(RealCaptures.FileOf(bundle, lvsPath)).Value!);
        Assert.Equal(("osd-block-48858aa1-71a3-4f0e-95f3-a07d1d9a6749", "ceph-48858aa1-71a3-4f0e-95f3-a07d1d9a6749", "-wi-ao----", "99.98g"), (lv.Name, lv.VolumeGroup, lv.Attributes, lv.Size));
        Assert.Equal("", lv.Origin);
        Assert.Equal("/dev/mapper/crypt-48858aa1-71a3-4f0e-95f3-a07d1d9a6749(0)", lv.Devices);
        Assert.False(lv.IsSnapshot);
    }

    [Fact]
    public void Snapshot_lvs_with_blank_cells_and_crypt_flags()
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

        var table = DmsetupTableParser.Parse(new TextLines("t", "fast: 0 100 crypt aes-xts-plain64 :64:logon:k 0 259:1 32768 2 no_read_workqueue no_write_workqueue\r\n")).Value!;
        Assert.True(table[0].HasArgument("no_read_workqueue"));
        Assert.Equal(["259:1"], table[0].DeviceNumbers);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.Empty(DmsetupTableParser.Parse(new TextLines("t", "No devices found\n")).Value!);
        Assert.Empty(DmsetupInfoParser.Parse(new TextLines("i", "")).Value!);
        Assert.False(DmsetupInfoParser.Parse(new TextLines("i", "/dev/mapper/control: open failed: Permission denied\n")).IsUsable);
        Assert.False(LvsParser.Parse(new TextLines("l", "  WARNING: Running as a non-root user. Functionality may be unavailable.\n  /run/lock/lvm/P_global:aux: open failed: Permission denied\n")).IsUsable);
    }
}
