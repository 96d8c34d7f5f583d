using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>The command results sos 4.x writes to sos_reports/manifest.json, reaching BundleContents.</summary>
public sealed class SosManifestTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The shape sos 4.x writes (sos/report/plugins/__init__.py, _collect_cmd_output), trimmed to three plugins.</summary>
    private const string Manifest = """
        {
          "version": "1.0",
          "components": {
            "report": {
              "cmdline": "sos report --batch",
              "plugins": {
                "kernel": {
                  "name": "kernel",
                  "setup_start": "2026-11-23 06:00:00.000000",
                  "files": [{ "specification": "/proc/sys/kernel/random/boot_id", "files_copied": ["proc/sys/kernel/random/boot_id"], "tags": [] }],
                  "commands": [
                    { "command": "uname", "parameters": ["-a"], "exec": "uname -a", "filepath": "sos_commands/kernel/uname_-a",
                      "truncated": false, "return_code": 0, "priority": 10, "start_time": 1.0, "end_time": 1.1, "run_time": 0.1, "tags": [] }
                  ]
                },
                "block": {
                  "commands": [
                    { "command": "lsblk", "parameters": [], "exec": "lsblk", "filepath": "sos_commands/block/lsblk",
                      "truncated": false, "return_code": 127, "run_time": 0.01, "tags": [] },
                    { "command": "blkid", "parameters": ["-c", "/dev/null"], "exec": "blkid -c /dev/null", "filepath": null,
                      "truncated": false, "return_code": 126, "tags": [] }
                  ]
                },
                "logs": {
                  "commands": [
                    { "command": "journalctl", "parameters": ["--no-pager"], "exec": "journalctl --no-pager",
                      "filepath": "sos_strings/logs/journalctl_--no-pager.tailed", "truncated": true, "return_code": 0, "run_time": 9.5, "tags": [] }
                  ]
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Command_states_from_the_manifest_reach_bundle_contents()
    {
        var path = new BundleBuilder()
            .File("sos_reports/manifest.json", Manifest)
            .File("sos_commands/kernel/uname_-a", "Linux h 5.4.0 x86_64\n")
            .Symlink("uname", "sos_commands/kernel/uname_-a")
            .File("sos_commands/block/lsblk", "sh: lsblk: command not found\n")
            .File("sos_strings/logs/journalctl_--no-pager.tailed", "… last lines …\n")
            .Symlink("sos_commands/logs/journalctl_--no-pager", "../../sos_strings/logs/journalctl_--no-pager.tailed")
            .WriteTarXz(temp.Combine("manifest.tar.xz"));

        var contents = BundleReading.Read(path, globs: [.. HostFactsBuilder.WantedGlobs]);

        Assert.True(contents.HasManifest);
        Assert.Equal(new CommandStatus("uname -a", CommandOutcome.Ok, 0), contents.CommandStateOf("sos_commands/kernel/uname_-a"));
        Assert.Equal(CommandOutcome.Ok, contents.CommandStateOf("uname")!.Outcome);
        Assert.Equal(new CommandStatus("lsblk", CommandOutcome.Failed, 127), contents.CommandStateOf("sos_commands/block/lsblk"));
        var journal = contents.CommandStateOf("sos_commands/logs/journalctl_--no-pager");
        Assert.Equal(CommandOutcome.Truncated, journal!.Outcome);
        Assert.Equal(journal, contents.CommandStateOf("sos_strings/logs/journalctl_--no-pager.tailed"));
        Assert.Null(contents.CommandStateOf("sos_commands/processor/lscpu"));
        Assert.Equal(new CommandStatus("blkid -c /dev/null", CommandOutcome.Failed, 126), contents.CommandStateOfCommand("blkid -c /dev/null"));
        Assert.Null(contents.CommandStateOfCommand("lscpu"));
    }

    [Fact]
    public void Without_a_manifest_no_command_state_is_known()
    {
        var path = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("plain.tar.gz"));

        var contents = BundleReading.Read(path, globs: [.. HostFactsBuilder.WantedGlobs]);

        Assert.False(contents.HasManifest);
        Assert.Null(contents.CommandStateOf("sos_commands/kernel/uname_-a"));
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_a_warning_and_the_read_goes_on()
    {
        var path = SosFixtures.UbuntuNvmeSnapshotHost()
            .File("sos_reports/manifest.json", "{ \"components\": { \"report\": ")
            .WriteTarGz(temp.Combine("broken-manifest.tar.gz"));

        var contents = BundleReading.Read(path, globs: [.. HostFactsBuilder.WantedGlobs]);

        Assert.False(contents.HasManifest);
        Assert.Contains(contents.Warnings, w => w.Contains("sos_reports/manifest.json") && w.Contains("not valid JSON"));
        Assert.NotNull(contents.Find("sos_commands/kernel/uname_-a"));
    }
}
