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

    private readonly WantedPaths deep = new(["sys/devices/**/queue/*", "sys/devices/**/dev", "sos_commands/**/*iostat*", "**/lsblk"]);

    [Theory]
    [InlineData("sys/devices/pci0000:00/0000:00:04.0/nvme/nvme0/nvme0n1/queue/nomerges", true)]
    [InlineData("sys/devices/queue/nomerges", true)]
    [InlineData("sys/devices/virtual/block/dm-0/dev", true)]
    [InlineData("sys/devices/virtual/block/dm-0/device", false)]
    [InlineData("sys/devices/virtual/block/dm-0/queue", false)]
    [InlineData("sys/devices/virtual/block/dm-0/queue/iosched/quantum", false)]
    [InlineData("sys/fs/cgroup/queue/x", false)]
    [InlineData("sos_commands/sysstat/iostat_-x", true)]
    [InlineData("sos_commands/iostat", true)]
    [InlineData("sos_commands/block/lsblk", true)]
    [InlineData("lsblk", true)]
    [InlineData("proc/lsblk_-f", false)]
    public void Globs_across_folders_match_what_the_glob_matcher_matches(string path, bool expected) =>
        Assert.Equal(expected, deep.IsWanted(path));

    private readonly WantedPaths withLogs = new(["var/log/kern.log", "sos_commands/kernel/dmesg", "sos_commands/**/*iostat*"])
    {
        LogsKeptByTheirEnd = new HashSet<string> { "var/log/kern.log", "sos_commands/kernel/dmesg" },
    };

    [Theory]
    [InlineData("sos_strings/logs/var.log.kern.log.tailed", true)]
    [InlineData("sos_strings/kernel/dmesg.tailed", true)]
    [InlineData("sos_strings/sysstat/iostat_-x_1_3.tailed", true)]
    [InlineData("sos_strings/logs/var.log.messages.tailed", false)]
    [InlineData("sos_strings/logs/journalctl_--no-pager.tailed", false)]
    [InlineData("sos_strings/kernel/dmesg", false)]
    [InlineData("sos_strings/kernel/x/dmesg.tailed", false)]
    [InlineData("sos_strings/dmesg.tailed", false)]
    public void The_tail_sos_kept_of_a_wanted_file_or_command_output_is_wanted(string path, bool expected) =>
        Assert.Equal(expected, withLogs.IsWanted(path));

    [Theory]
    [InlineData("var/log/kern.log", true)]
    [InlineData("sos_strings/logs/var.log.kern.log.tailed", true)]
    [InlineData("sos_strings/kernel/dmesg.tailed", true)]
    [InlineData("sos_strings/sysstat/iostat_-x_1_3.tailed", false)]
    [InlineData("sos_commands/sysstat/iostat_-x_1_3", false)]
    public void A_log_and_the_tail_sos_kept_of_it_are_kept_by_their_end(string path, bool expected) =>
        Assert.Equal(expected, withLogs.IsKeptByItsEnd(path));
}
