using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>sos's manifest reaches the facts: "the command failed" and "it was cut" are told apart from "not collected".</summary>
public sealed class CommandStateFactsTests : IDisposable
{
    private const string Manifest = """
        {
          "version": "4.2",
          "components": {
            "report": {
              "plugins": {
                "kernel": {
                  "commands": [
                    { "command": "uname", "exec": "uname -a", "filepath": "sos_commands/kernel/uname_-a", "truncated": false, "return_code": 0 },
                    { "command": "sysctl", "exec": "sysctl -a", "filepath": "sos_commands/kernel/sysctl_-a", "truncated": true, "return_code": 0 }
                  ]
                },
                "hardware": { "commands": [ { "exec": "dmidecode", "filepath": "sos_commands/hardware/dmidecode", "return_code": 1, "truncated": false } ] }
              }
            }
          }
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private HostFacts FactsOf(BundleBuilder builder)
    {
        var path = builder.WriteTarGz(temp.Combine($"{Guid.NewGuid():N}.tar.gz"));
        return HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(path, out _));
    }

    [Fact]
    public void A_failed_command_without_output_is_missing_with_the_failure_as_its_reason()
    {
        var facts = FactsOf(new BundleBuilder()
            .File(SosManifest.Path, Manifest)
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n"));

        Assert.Equal(FactState.Missing, facts.Platform.Vendor.State);
        Assert.Equal("'dmidecode' failed with exit code 1 (sos_commands/hardware/dmidecode)", facts.Platform.Vendor.Reason);
        Assert.Contains("sos_commands/hardware/dmidecode: 'dmidecode' failed with exit code 1 and left no output (sos_reports/manifest.json)", facts.ParseWarnings);
        Assert.Equal("5.15.0-91-generic", facts.Kernel.Release.Value);
    }

    [Fact]
    public void A_truncated_command_is_still_read_with_a_warning()
    {
        var facts = FactsOf(new BundleBuilder()
            .File(SosManifest.Path, Manifest)
            .File("sos_commands/kernel/sysctl_-a", "vm.swappiness = 60\nvm.zone_reclaim_mode = 1\nvm.dirty_ra"));

        Assert.Equal("1", facts.Settings.SysctlValue("vm.zone_reclaim_mode"));
        Assert.Contains("sos_commands/kernel/sysctl_-a: sos truncated the output of 'sysctl -a'", facts.ParseWarnings);
    }

    [Fact]
    public void Without_a_manifest_a_missing_file_is_just_not_collected()
    {
        var facts = FactsOf(new BundleBuilder().File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n"));

        Assert.Equal("sos_commands/hardware/dmidecode is not in the bundle", facts.Platform.Vendor.Reason);
        Assert.DoesNotContain(facts.ParseWarnings, w => w.Contains("dmidecode"));
    }
}
