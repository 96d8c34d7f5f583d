using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// sos keeps a log or a command's output over its size limit by its end, in <c>sos_strings/&lt;plugin&gt;/…tailed</c>,
/// with a symlink where the whole would have been: the reader captures the tail of a wanted path, and only that.
/// </summary>
public sealed class SosTailTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string KernLogLines(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"Dec  3 10:00:00 host kernel: [{i,6}.000000] line {i} of the tail\n"));

    /// <summary>A host whose kern.log sos kept by its end: the tail of <paramref name="lines"/> lines and the symlink at the log's path.</summary>
    private static BundleBuilder WithKernLogTail(int lines) => new BundleBuilder()
        .File("sos_commands/kernel/uname_-a", "Linux host 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
        .File("sos_strings/logs/var.log.kern.log.tailed", KernLogLines(lines))
        .Symlink("var/log/kern.log", "../../sos_strings/logs/var.log.kern.log.tailed");

    [Fact]
    public void A_wanted_log_and_command_output_sos_kept_by_their_end_are_read_through_the_symlinks_at_their_paths()
    {
        var path = WithKernLogTail(3)
            .File("sos_strings/kernel/dmesg.tailed", "[    5.000000] nvme nvme0: 8/0/0 default/read/poll queues\n")
            .Symlink("sos_commands/kernel/dmesg", "../../sos_strings/kernel/dmesg.tailed")
            .File("sos_strings/logs/journalctl_--no-pager.tailed", "Dec 03 10:00:00 host systemd[1]: Started.\n")
            .Symlink("sos_commands/logs/journalctl_--no-pager", "../../sos_strings/logs/journalctl_--no-pager.tailed")
            .WriteTarXz(temp.Combine("tailed.tar.xz"));

        var contents = new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(path, out _);

        Assert.Equal(KernLogLines(3), contents.Find("var/log/kern.log")!.Text);
        Assert.Equal("[    5.000000] nvme nvme0: 8/0/0 default/read/poll queues\n", contents.Find("sos_commands/kernel/dmesg")!.Text);
        // no parser reads the journal: its tail is listed, not captured
        Assert.Null(contents.Find("sos_commands/logs/journalctl_--no-pager"));
        Assert.True(contents.HasEntry("sos_strings/logs/journalctl_--no-pager.tailed"));
    }

    [Fact]
    public void The_tail_of_a_kernel_log_longer_than_the_cap_is_kept_by_its_start_and_its_newest_lines()
    {
        var log = KernLogLines(2000);
        var path = WithKernLogTail(2000).WriteTarGz(temp.Combine("long-tail.tar.gz"));

        var kept = new BundleReader(HostFactsBuilder.Wanted, new BundleLimits { MaxCapturedBytesPerFile = 8192 }).Read(path, out _).Find("var/log/kern.log")!;

        Assert.NotNull(kept.Gap);
        Assert.StartsWith("Dec  3 10:00:00 host kernel: [     1.000000] line 1 of the tail\n", kept.Text);
        Assert.EndsWith("line 2000 of the tail\n", kept.Text);
        Assert.Equal(log.Length, kept.Size);
    }

    [Fact]
    public void The_facts_say_the_bundle_holds_only_the_end_of_a_log_sos_kept_by_its_end()
    {
        var path = WithKernLogTail(3).WriteTarXz(temp.Combine("facts.tar.xz"));

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(path, out _));

        Assert.Equal("var/log/kern.log", facts.KernelLog.SourceFile.Value);
        Assert.Equal(3, facts.KernelLog.Lines.Count);
        Assert.Contains(
            $"var/log/kern.log was over sos's size limit: the bundle holds only its last {KernLogLines(3).Length} bytes (sos_strings/logs/var.log.kern.log.tailed); facts from it cover that end",
            facts.ParseWarnings);
    }

    [Fact]
    public void A_log_sos_copied_whole_carries_no_such_warning()
    {
        var path = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux host 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("var/log/kern.log", KernLogLines(3))
            .WriteTarXz(temp.Combine("whole.tar.xz"));

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(path, out _));

        Assert.Equal(3, facts.KernelLog.Lines.Count);
        Assert.DoesNotContain(facts.ParseWarnings, w => w.Contains("var/log/kern.log", StringComparison.Ordinal));
    }
}
