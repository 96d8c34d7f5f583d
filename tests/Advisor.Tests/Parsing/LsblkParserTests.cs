using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class LsblkParserTests
{
    [Theory]
    [InlineData("insights-core/lsblk/1.txt", 7, "vda", "252:0")]
    [InlineData("insights-core/lsblk/2.txt", 30, "sr0", "11:0")]
    [InlineData("insights-core/lsblk/3.txt", 14, "vda", "252:0")]
    [InlineData("insights-core/lsblk/4.txt", 5, "sda", "8:0")]
    [InlineData("jc/centos-7.7/lsblk.out", 6, "sda", "8:0")]
    [InlineData("jc/ubuntu-18.04/lsblk.out", 17, "fd0", "2:0")]
    [InlineData("jc/centos-7.7/lsblk-allcols.out", 6, "sda", "8:0")]
    [InlineData("jc/ubuntu-18.04/lsblk-allcols.out", 17, "fd0", "2:0")]
    [InlineData("intel-stats-collect/adl0/lsblk.txt", 5, "zram0", "252:0")]
    [InlineData("intel-stats-collect/milan0/lsblk.txt", 5, "zram0", "252:0")]
    public void Every_real_tree_gives_one_row_per_device(string sample, int rows, string first, string majMin)
    {
        var parsed = LsblkParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal(rows, parsed.Count);
        Assert.Equal(first, parsed[0].Name);
        Assert.Equal(majMin, parsed[0].MajorMinor);
        Assert.Equal(0, parsed[0].Depth);
    }

    [Fact]
    public void Old_lsblk_kernel_names_and_unicode_tree_depths()
    {
        var old = LsblkParser.Parse(RealCaptures.Sample("insights-core/lsblk/4.txt")).Value!;
        var root = old.Single(r => r.Name == "volgrp01-root");
        Assert.Equal(("dm-0", "253:0", "lvm", "/", 2), (root.KernelName, root.MajorMinor, root.Type, root.MountPoint, root.Depth));

        var centos = LsblkParser.Parse(RealCaptures.Sample("jc/centos-7.7/lsblk.out")).Value!;
        var swap = centos.Single(r => r.Name == "centos-swap");
        Assert.Equal((2, "[SWAP]", "2G"), (swap.Depth, swap.MountPoint, swap.Size));
        Assert.Equal(1, centos.Single(r => r.Name == "sda2").Depth);

        var milan = LsblkParser.Parse(RealCaptures.Sample("intel-stats-collect/milan0/lsblk.txt")).Value!;
        Assert.Equal("1.7T", milan.Single(r => r.Name == "nvme0n1").Size);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(LsblkParser.Parse(new TextLines(LsblkParser.SosPath, "")).IsUsable);
        Assert.False(LsblkParser.Parse(new TextLines(LsblkParser.SosPath, "lsblk: failed to access sysfs directory: /sys/dev/block: No such file or directory\n")).IsUsable);
        Assert.Contains("no NAME header", LsblkParser.Parse(new TextLines(LsblkParser.SosPath, "sda 8:0 0 1G 0 disk\n")).UnusableReason);
        var rows = LsblkParser.Parse(new TextLines(LsblkParser.SosPath, "NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINT NEWCOL\r\nsda 8:0 0 1G 0 disk / x\r\nsdb 8:16 0")).Value!;
        Assert.Equal("sda", Assert.Single(rows).Name);
    }
}
