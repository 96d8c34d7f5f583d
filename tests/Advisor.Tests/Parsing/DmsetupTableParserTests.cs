using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary><c>dmsetup table</c> and <c>dmsetup status</c> (the same line format).</summary>
public sealed class DmsetupTableParserTests
{
    [Fact]
    public void Hotsos_table_and_status()
    {
        var table = DmsetupTableParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DmsetupTableParser.SosPath)).Value!;
        Assert.Equal(3, table.Count);
        var crypt = table.Single(t => t.Device == "crypt-48858aa1-71a3-4f0e-95f3-a07d1d9a6749");
        Assert.Equal(("crypt", 209682416L), (crypt.Type, crypt.Length));
        Assert.Equal(["251:128"], crypt.DeviceNumbers);
        Assert.False(crypt.HasArgument("no_read_workqueue"));
        Assert.Equal(3, crypt.Source.Line);

        var status = DmsetupTableParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, "sos_commands/devicemapper/dmsetup_status")).Value!;
        Assert.Equal(["crypt", "linear", "crypt"], status.Select(s => s.Type));
    }

    [Fact]
    public void Crypt_flags_snapshots_and_odd_inputs()
    {
        var table = DmsetupTableParser.Parse(new TextLines("t", "fast: 0 100 crypt aes-xts-plain64 :64:logon:k 0 259:1 32768 2 no_read_workqueue no_write_workqueue\r\nsnap: 0 10 snapshot 253:1 253:2 P 8\r\n  10 20 linear 8:0 0\r\nbroken: x")).Value!;
        Assert.True(table[0].HasArgument("no_read_workqueue"));
        Assert.Equal(["259:1"], table[0].DeviceNumbers);
        Assert.Equal(("253:1", "253:2", 8), (table[1].SnapshotOrigin, table[1].SnapshotCow, table[1].SnapshotChunkSectors));
        Assert.Equal(("snap", "linear"), (table[2].Device, table[2].Type));
        Assert.Equal(3, table.Count);
        Assert.Empty(DmsetupTableParser.Parse(new TextLines("t", "No devices found\n")).Value!);
        Assert.False(DmsetupTableParser.Parse(new TextLines("t", "/dev/mapper/control: open failed: Permission denied\n")).IsUsable);
    }
}
