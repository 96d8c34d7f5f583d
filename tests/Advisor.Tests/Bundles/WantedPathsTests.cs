using Advisor.Bundles;

namespace Advisor.Tests.Bundles;

public sealed class WantedPathsTests
{
    private readonly WantedPaths wanted = new(["sos_commands/kernel/uname_-a", "sys/block/*/queue/nomerges", "sys/devices/**/queue/nomerges", "sys/devices/system/node/node*/cpulist"]);

    [Theory]
    [InlineData("sos_commands/kernel/uname_-a", true)]
    [InlineData("sos_commands/kernel/uname_-a.orig", false)]
    [InlineData("sys/block/vda/queue/nomerges", true)]
    [InlineData("sys/block/vda/queue/rotational", false)]
    [InlineData("sys/block/vda/holders/dm-0/queue/nomerges", false)]
    [InlineData("sys/devices/pci0000:00/0000:00:04.0/nvme/nvme0/nvme0n1/queue/nomerges", true)]
    [InlineData("sys/devices/system/node/node1/cpulist", true)]
    [InlineData("sys/devices/system/node/node1/meminfo", false)]
    [InlineData("proc/cpuinfo", false)]
    public void Matches_exactly_what_the_globs_match(string path, bool expected) =>
        Assert.Equal(expected, wanted.IsWanted(path));
}
