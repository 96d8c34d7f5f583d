using System.Diagnostics;
using Advisor.Bundles;
using Advisor.Collection;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>
/// The live reader on an injected root and injected commands: it reads only under its root, records symlinks as the
/// archive would, never follows them, and reports missing, failing and hanging commands without failing.
/// </summary>
public sealed class LiveSystemReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static readonly BundleLimits Limits = new();

    [Fact]
    public void A_fake_root_and_fake_commands_give_that_hosts_facts_and_nothing_of_the_real_one()
    {
        var root = FakeRoot.Create(temp);
        var runner = new FakeCommandRunner(new Dictionary<string, string> { ["uname"] = FakeRoot.UnameOutput });
        var reader = new LiveSystemReader(root, runner, LiveCommandTable.Default(), Limits) { RunningAsRoot = true };

        var snapshot = reader.Read();
        var contents = snapshot.ToContents();
        var facts = HostFactsBuilder.Build(contents);

        Assert.Equal("fakehost", snapshot.Hostname);
        Assert.Equal("live:fakehost", snapshot.DisplayName);
        Assert.Equal(BundleFormat.Live, contents.Format);
        Assert.Equal("5.15.0-91-generic", facts.Kernel.Release.Value);
        Assert.Equal("Ubuntu 22.04.3 LTS", facts.Os.PrettyName.Value);
        Assert.Equal("hpet", facts.Clocksource.Current.Value);
        var sda = Assert.Single(facts.BlockDevices);
        Assert.Equal("sda", sda.Name);
        Assert.Equal(2, sda.Queue.Nomerges.Value);
        Assert.Equal("../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda",
            contents.Entries.Single(e => e.Path == "sys/block/sda").LinkTarget);
        Assert.Equal(BundleEntryKind.Symlink, contents.Entries.Single(e => e.Path == $"{FakeRoot.DeviceFolder}/loop").Kind);
        Assert.DoesNotContain(contents.Entries, e => e.Path.Contains("/loop/", StringComparison.Ordinal));
        Assert.DoesNotContain(contents.CapturedFiles, f => f.Path.EndsWith("unwanted_attribute", StringComparison.Ordinal));
        // commands not on the fake PATH are recorded as sos records them (127), through the manifest
        Assert.Equal(new CommandStatus("lscpu", CommandOutcome.Failed, 127), contents.CommandStateOfCommand("lscpu"));
        Assert.Equal(CommandOutcome.Ok, contents.CommandStateOf("sos_commands/kernel/uname_-a")?.Outcome);
        Assert.Contains(contents.Warnings, w => w.StartsWith("lscpu: not found on PATH", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_group_records_one_missing_package_manager_only_when_none_is_installed()
    {
        var root = FakeRoot.Create(temp);
        var withDpkg = new FakeCommandRunner(new Dictionary<string, string> { ["dpkg"] = "ii  bash 5.1-6ubuntu1 amd64 GNU Bourne Again SHell\n" });
        var none = new FakeCommandRunner(new Dictionary<string, string>());

        var dpkgHost = new LiveSystemReader(root, withDpkg, LiveCommandTable.Default(), Limits).Read().ToContents();
        var bareHost = new LiveSystemReader(root, none, LiveCommandTable.Default(), Limits).Read().ToContents();

        Assert.Null(dpkgHost.CommandStateOfCommand(LiveCommandTable.Default().Single(c => c.Argv[0] == "rpm").CommandLine));
        Assert.Equal(CommandOutcome.Ok, dpkgHost.CommandStateOfCommand("dpkg -l")?.Outcome);
        Assert.Equal(127, bareHost.CommandStateOfCommand("dpkg -l")?.ReturnCode);
        Assert.DoesNotContain(bareHost.Warnings, w => w.StartsWith("rpm", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_running_as_root_is_said_once()
    {
        var root = FakeRoot.Create(temp);
        var runner = new FakeCommandRunner(new Dictionary<string, string> { ["uname"] = FakeRoot.UnameOutput });

        var contents = new LiveSystemReader(root, runner, LiveCommandTable.Default(), Limits) { RunningAsRoot = false }.Read().ToContents();

        Assert.Single(contents.Warnings, w => w.StartsWith("not running as root", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_and_a_hanging_command_are_recorded_as_failed_and_the_bundle_still_ingests()
    {
        var root = FakeRoot.Create(temp);
        LiveCommand[] commands =
        [
            new("sos_commands/kernel/uname_-a", ["echo", FakeRoot.UnameOutput.Trim()], TimeSpan.FromSeconds(10)),
            new("sos_commands/block/lsblk", ["advisor-test-no-such-program", "--all"], TimeSpan.FromSeconds(10)),
            new("sos_commands/devicemapper/dmsetup_table", ["sleep", "30"], TimeSpan.FromSeconds(1)),
            new("sos_commands/devicemapper/dmsetup_status", ["sh", "-c", "echo partial; echo 'dmsetup: permission denied' >&2; exit 3"], TimeSpan.FromSeconds(10)),
        ];
        var reader = new LiveSystemReader(root, new ProcessCommandRunner(), commands, Limits) { RunningAsRoot = true };

        var clock = Stopwatch.StartNew();
        var snapshot = reader.Read();
        var elapsed = clock.Elapsed;
        var contents = snapshot.ToContents();

        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the read took {elapsed}: the hanging command was not killed at its timeout");
        Assert.Equal(new CommandStatus("sleep 30", CommandOutcome.Failed, 124), contents.CommandStateOfCommand("sleep 30"));
        Assert.Equal(127, contents.CommandStateOfCommand("advisor-test-no-such-program --all")?.ReturnCode);
        Assert.Equal(3, contents.CommandStateOf("sos_commands/devicemapper/dmsetup_status")?.ReturnCode);
        Assert.Contains("dmsetup: permission denied", contents.Find("sos_commands/devicemapper/dmsetup_status")!.Text);
        Assert.Null(contents.Find("sos_commands/block/lsblk"));
        Assert.Contains(contents.Warnings, w => w == "sleep 30: timed out after 1 s: killed, output kept so far");
        Assert.Contains(contents.Warnings, w => w.StartsWith("advisor-test-no-such-program: not found on PATH", StringComparison.Ordinal));
        Assert.Contains(contents.Warnings, w => w == "sh -c echo partial; echo 'dmsetup: permission denied' >&2; exit 3: exited 3: dmsetup: permission denied");

        // the same states reach an ingest of the collected archive, which still produces a report
        var archive = temp.Combine("fake.tar.xz");
        SosArchiveWriter.Write(snapshot, archive);
        var fromArchive = BundleReading.Read(archive, globs: [.. HostFactsBuilder.WantedGlobs]);
        Assert.Equal(CommandOutcome.Failed, fromArchive.CommandStateOf("sos_commands/devicemapper/dmsetup_table")?.Outcome);
        Assert.Equal(124, fromArchive.CommandStateOfCommand("sleep 30")?.ReturnCode);
        var ingest = CliRunner.Run(temp.FullPath, "ingest", archive, "--db", temp.DatabasePath, "--audience", "engineer");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("# Advisor report: fakehost", ingest.Out);
        Assert.Contains("5.15.0-91-generic", ingest.Out);
    }

    [Fact]
    public void A_file_that_does_not_answer_is_skipped_with_a_warning_after_its_time_limit()
    {
        var root = FakeRoot.Create(temp);
        // a FIFO opened for reading blocks until a writer comes: the stand-in for a sysfs attribute that blocks
        var fifo = Path.Combine(root, "proc/cmdline");
        File.Delete(fifo);
        var mkfifo = Process.Start("mkfifo", [fifo]);
        mkfifo.WaitForExit();
        using var reader = new BoundedFileReader(1024, TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var result = reader.Read(fifo);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.True(result.TimedOut);
        Assert.Null(result.Content);
        // the next file gets a fresh worker and is read
        var next = reader.Read(Path.Combine(root, "usr/lib/os-release"));
        Assert.Contains("Ubuntu 22.04.3 LTS", System.Text.Encoding.UTF8.GetString(next.Content!));
        // release the abandoned open
        using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
    }

    [Fact]
    public void A_file_longer_than_the_cap_is_kept_up_to_the_cap_and_marked_truncated()
    {
        var path = temp.Combine("big");
        File.WriteAllText(path, new string('x', 5000));

        using var reader = new BoundedFileReader(1000, TimeSpan.FromSeconds(2));
        var result = reader.Read(path);

        Assert.Equal(1000, result.Content!.Length);
        Assert.True(result.Truncated);
    }

    /// <summary>Line N reads "... kernel: line N of the log", so a kept line's text tells its true number.</summary>
    private static string WriteLongKernLog(string root, int lines)
    {
        var path = Path.Combine(root, "var/log/kern.log");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(Enumerable.Range(1, lines).Select(i => $"Dec  3 10:00:00 fakehost kernel: line {i} of the log\n")));
        return path;
    }

    [Fact]
    public void A_kern_log_over_the_cap_is_analysed_by_its_start_and_its_newest_lines_with_their_numbers_in_the_hosts_file()
    {
        var root = FakeRoot.Create(temp);
        var log = WriteLongKernLog(root, 2000);
        var runner = new FakeCommandRunner(new Dictionary<string, string> { ["uname"] = FakeRoot.UnameOutput });

        var contents = new LiveSystemReader(root, runner, LiveCommandTable.Default(), new BundleLimits { MaxCapturedBytesPerFile = 8192 }) { RunningAsRoot = true }
            .Read().ToContents();
        var kernelLog = HostFactsBuilder.Build(contents).KernelLog;

        // no dmesg on the fake PATH: the kernel log is kern.log's, its last line the host's last
        Assert.Equal("var/log/kern.log", kernelLog.SourceFile.Value);
        Assert.Equal(1, kernelLog.Lines[0].Source.Line);
        Assert.Equal(2000, kernelLog.Lines[^1].Source.Line);
        Assert.All(kernelLog.Lines, line => Assert.Equal($"line {line.Source.Line} of the log", line.Text));
        // its first quarter kept too (the boot messages), then a gap to its newest lines
        Assert.InRange(kernelLog.Lines.Count(line => line.Source.Line < 1000), 30, 50);
        Assert.InRange(kernelLog.Lines.Count(line => line.Source.Line >= 1000), 100, 140);
        Assert.Equal(new FileInfo(log).Length, contents.Entries.Single(e => e.Path == "var/log/kern.log").Size);
        Assert.True(contents.Find("var/log/kern.log")!.Truncated);
        Assert.Single(contents.Warnings, w => w.StartsWith($"/var/log/kern.log: {new FileInfo(log).Length} bytes, over the capture cap of 8192", StringComparison.Ordinal));
    }

    [Fact]
    public void A_collected_archive_keeps_a_long_kern_log_by_its_newest_whole_lines_as_sos_does()
    {
        var root = FakeRoot.Create(temp);
        var original = File.ReadAllText(WriteLongKernLog(root, 2000));
        var runner = new FakeCommandRunner(new Dictionary<string, string> { ["uname"] = FakeRoot.UnameOutput });
        var snapshot = new LiveSystemReader(root, runner, LiveCommandTable.Default(), new BundleLimits { MaxCapturedBytesPerFile = 8192 }) { RunningAsRoot = true }.Read();

        var archive = temp.Combine("collected.tar.xz");
        SosArchiveWriter.Write(snapshot, archive);
        var everything = BundleReading.Read(archive);
        var kept = everything.Find("var/log/kern.log")!.Text;

        Assert.EndsWith("kernel: line 2000 of the log\n", kept);
        Assert.EndsWith(kept, original);
        Assert.StartsWith("Dec  3 10:00:00 fakehost kernel: line ", kept);
        Assert.InRange(kept.Length, 8192 * 3 / 4 - 60, 8192 * 3 / 4);
        // where and how sos keeps a log over its size limit, so an ingest of the archive knows it holds the end alone
        Assert.Equal(kept, everything.Find("sos_strings/logs/var.log.kern.log.tailed")!.Text);
        Assert.Equal("sos_strings/logs/var.log.kern.log.tailed", everything.Resolve("var/log/kern.log"));
        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(archive, out _));
        Assert.Contains(facts.ParseWarnings, w => w.StartsWith("var/log/kern.log was over sos's size limit: the bundle holds only its last", StringComparison.Ordinal));
        Assert.EndsWith("line 2000 of the log", facts.KernelLog.Lines[^1].Text);
    }
}
