using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary>sos 4.x <c>sos_reports/manifest.json</c> (the shape sos's Plugin._collect_cmd_output writes; the hotsos trees lack one).</summary>
public sealed class SosManifestParserTests : IDisposable
{
    private const string Manifest = """
        {
          "version": "4.2",
          "components": {
            "report": {
              "plugins": {
                "kernel": {
                  "name": "kernel",
                  "commands": [
                    { "command": "uname", "parameters": ["-a"], "exec": "uname -a", "filepath": "sos_commands/kernel/uname_-a", "truncated": false, "return_code": 0 },
                    { "command": "sysctl", "parameters": ["-a"], "exec": "sysctl -a", "filepath": "sos_commands/kernel/sysctl_-a", "truncated": true, "return_code": 255 },
                    { "command": "bpftool", "exec": "bpftool -j map list", "filepath": null, "return_code": 127 }
                  ]
                },
                "block": { "commands": [ { "exec": "lsblk", "filepath": "sos_commands/block/lsblk", "return_code": 1, "truncated": false } ] }
              }
            }
          }
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Commands_by_output_path_with_return_codes()
    {
        var runs = SosManifestParser.Parse(new TextLines(SosManifestParser.SosPath, Manifest)).Value!;

        Assert.Equal(3, runs.Count);
        Assert.Equal((255, true, "sysctl -a"), (runs["sos_commands/kernel/sysctl_-a"].ReturnCode, runs["sos_commands/kernel/sysctl_-a"].Truncated, runs["sos_commands/kernel/sysctl_-a"].Command));
        Assert.Equal(0, runs["sos_commands/kernel/uname_-a"].ReturnCode);
        Assert.Equal(1, runs["sos_commands/block/lsblk"].ReturnCode);
    }

    [Fact]
    public void Failed_and_truncated_commands_become_warnings_while_their_output_is_still_read()
    {
        var bundle = new BundleBuilder()
            .File(SosManifestParser.SosPath, Manifest)
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("sos_commands/kernel/sysctl_-a", "vm.swappiness = 60\nvm.zone_reclaim_mode = 1\nvm.dirty_ra")
            .WriteTarGz(temp.Combine("manifest.tar.gz"));

        var facts = HostFactsBuilder.Build(new BundleReader(new WantedPaths(HostFactsBuilder.WantedGlobs), new BundleLimits()).Read(bundle, out _));

        Assert.Equal("1", facts.Settings.SysctlValue("vm.zone_reclaim_mode"));
        Assert.Contains("sos_commands/kernel/sysctl_-a: 'sysctl -a' exited with code 255 (sos_reports/manifest.json)", facts.ParseWarnings);
        Assert.Contains("sos_commands/kernel/sysctl_-a: sos truncated the output of 'sysctl -a'", facts.ParseWarnings);
        Assert.DoesNotContain(facts.ParseWarnings, w => w.Contains("uname", StringComparison.Ordinal));
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(SosManifestParser.Parse(new TextLines("m", "")).IsUsable);
        Assert.Contains("not valid JSON", SosManifestParser.Parse(new TextLines("m", "{\"components\": {")).UnusableReason);
        Assert.False(SosManifestParser.Parse(new TextLines("m", "[1, 2]")).IsUsable);
        Assert.Empty(SosManifestParser.Parse(new TextLines("m", "{\"components\":{\"report\":{\"plugins\":{\"x\":{\"commands\":[1,{\"filepath\":5}]}}}}}")).Value!);
    }
}
