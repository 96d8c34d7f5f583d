using System.Diagnostics;
using System.Text.Json.Nodes;
using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>
/// <c>ingest --live</c> and <c>collect</c> on the machine the tests run on (a real Linux host): the facts agree with
/// what the host itself says, and a collected bundle gives the same facts as the live read.
/// </summary>
public sealed class LiveHostTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Ingest_live_reads_this_hosts_kernel_block_devices_and_cpus()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", "--live", "--db", temp.DatabasePath, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var facts = JsonNode.Parse(result.Out)!["facts"]!;
        Assert.Equal(RunTool("uname", "-r"), facts["kernel"]!["release"]!["value"]!.GetValue<string>());
        var expectedDevices = Directory.GetFileSystemEntries("/sys/block").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();
        var devices = facts["blockDevices"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedDevices);
        Assert.Equal(expectedDevices, devices);
        Assert.Equal(int.Parse(RunTool("nproc", "--all")), facts["cpu"]!["logicalCpus"]!["value"]!.GetValue<int>());
        Assert.Contains($"live:{Environment.MachineName}", result.Error);
    }

    [Fact]
    public void Collect_then_ingest_gives_the_same_facts_as_ingest_live()
    {
        var archive = temp.Combine("host.tar.xz");
        var collect = CliRunner.Run(temp.FullPath, "collect", "--output", archive);
        var live = CliRunner.Run(temp.FullPath, "ingest", "--live", "--db", temp.DatabasePath, "--format", "json");
        var fromArchive = CliRunner.Run(temp.FullPath, "ingest", archive, "--db", temp.Combine("second.db"), "--format", "json");

        Assert.True(collect.ExitCode == 0, collect.Error);
        Assert.Contains($"wrote {archive}", collect.Error);
        Assert.True(live.ExitCode == 0, live.Error);
        Assert.True(fromArchive.ExitCode == 0, fromArchive.Error);
        var liveFacts = JsonNode.Parse(live.Out)!["facts"]!;
        var archiveFacts = JsonNode.Parse(fromArchive.Out)!["facts"]!;
        // interrupt counts move between two reads; the devices' identity, queue settings and IRQ numbers must not
        foreach (var facts in new[] { liveFacts, archiveFacts })
        {
            foreach (var device in facts["blockDevices"]!.AsArray()) device!.AsObject().Remove("interrupts");
            foreach (var nic in facts["nics"]!.AsArray()) nic!.AsObject().Remove("interrupts");
            foreach (var node in facts["numa"]!["nodes"]!.AsArray()) node!.AsObject().Remove("interruptCount");
        }

        foreach (var area in new[] { "hostname", "kernel", "os", "blockDevices", "clocksource", "numa", "nics", "packages", "platform", "pciDevices", "services", "deviceMapper" })
        {
            Assert.True(JsonNode.DeepEquals(liveFacts[area], archiveFacts[area]), $"'{area}' differs:\n{liveFacts[area]}\n---\n{archiveFacts[area]}");
        }

        // the CPU's current frequency moves between two reads; everything else about it must not
        var liveCpu = liveFacts["cpu"]!.DeepClone().AsObject();
        var archiveCpu = archiveFacts["cpu"]!.DeepClone().AsObject();
        liveCpu.Remove("frequency");
        archiveCpu.Remove("frequency");
        Assert.True(JsonNode.DeepEquals(liveCpu, archiveCpu), $"cpu differs:\n{liveCpu}\n---\n{archiveCpu}");
        Assert.Equal(JsonNode.Parse(live.Out)!["findings"]!.ToJsonString(), JsonNode.Parse(fromArchive.Out)!["findings"]!.ToJsonString());
    }

    [Fact]
    public void Collected_archive_is_a_sosreport_layout_tar_xz_that_the_system_tar_lists()
    {
        var result = CliRunner.Run(temp.FullPath, "collect");

        Assert.True(result.ExitCode == 0, result.Error);
        var written = Assert.Single(Directory.GetFiles(temp.FullPath, "sosreport-*.tar.xz"));
        Assert.Matches(@"sosreport-.+-\d{4}-\d{2}-\d{2}-\d{6}\.tar\.xz$", written);
        var listing = RunTool("tar", "-tvJf", written).Split('\n');
        var top = Path.GetFileName(written)[..^".tar.xz".Length];
        Assert.All(listing, line => Assert.Contains($" {top}/", line));
        Assert.Contains(listing, l => l.EndsWith($"{top}/sos_commands/kernel/uname_-a", StringComparison.Ordinal));
        Assert.Contains(listing, l => l.EndsWith($"{top}/sos_reports/manifest.json", StringComparison.Ordinal));
        // sysfs block devices are symlinks into sys/devices, as sos stores them
        var firstDevice = Directory.GetFileSystemEntries("/sys/block").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).First();
        Assert.Contains(listing, l => l.StartsWith('l') && l.Contains($"{top}/sys/block/{firstDevice} -> ../devices/", StringComparison.Ordinal));
    }

    private static string RunTool(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
