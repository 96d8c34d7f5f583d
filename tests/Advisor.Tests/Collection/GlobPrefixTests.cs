using Advisor.Collection;

namespace Advisor.Tests.Collection;

public sealed class GlobPrefixTests
{
    private readonly GlobPrefix globs = new(["sys/block/*/queue/*", "sys/devices/**/dev", "proc/irq/*/smp_affinity_list", "etc/os-release"]);

    [Theory]
    [InlineData("sys", true)]
    [InlineData("sys/block/sda", true)]
    [InlineData("sys/block/sda/queue/nomerges", true)]
    [InlineData("sys/block/sda/holders", false)]
    [InlineData("sys/devices/pci0000:00/0000:00:1f.2/ata1", true)]
    [InlineData("sys/kernel", false)]
    [InlineData("proc/irq/24", true)]
    [InlineData("proc/1234", false)]
    [InlineData("etc/passwd", false)]
    [InlineData("etc/os-release", true)]
    public void A_walk_descends_only_where_a_glob_can_still_match(string path, bool expected) =>
        Assert.Equal(expected, globs.CanLeadToMatch(path));

    [Fact]
    public void Start_folders_are_the_outermost_literal_folders() =>
        Assert.Equal(["etc", "proc/irq", "sys/block", "sys/devices"], globs.StartFolders());

    [Theory]
    [InlineData("cpu*", "cpu12", true)]
    [InlineData("cpu*", "cpufreq", true)]
    [InlineData("*_throttle_count", "core_throttle_count", true)]
    [InlineData("node*", "possible", false)]
    [InlineData("mc?", "mc0", true)]
    [InlineData("mc?", "mc10", false)]
    public void Segments_match_like_shell_wildcards(string pattern, string name, bool expected) =>
        Assert.Equal(expected, GlobPrefix.SegmentMatches(pattern, name));
}
