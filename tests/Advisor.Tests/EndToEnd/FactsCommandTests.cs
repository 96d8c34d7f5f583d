using System.Text.Json;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.EndToEnd;

/// <summary><c>advisor facts</c> on a bundle path and on a stored bundle id, as text and as JSON.</summary>
public sealed class FactsCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Json_of_a_bare_metal_bundle_has_the_documented_paths()
    {
        var bundle = SosFixtures.CentOsBareMetalOnHpet()
            .File("sos_commands/networking/ethtool_-i_em1", "driver: tg3\nversion: 3.137\nfirmware-version: FFV20.2.17 bc 5720-v1.39\nbus-info: 0000:01:00.0\n")
            .Symlink("sys/class/net/em1", "../../devices/pci0000:00/0000:00:1c.0/0000:01:00.0/net/em1")
            .Symlink("sys/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/net/em1/device", "../../../0000:01:00.0")
            .File("sys/devices/pci0000:00/0000:00:1c.0/0000:01:00.0/numa_node", "0\n")
            .WriteTarXz(temp.Combine("storage01.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "facts", bundle, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("3.10.0-1062.1.2.el7.x86_64", root.GetProperty("kernel").GetProperty("release").GetProperty("value").GetString());
        Assert.Equal("CentOS Linux 7 (Core)", root.GetProperty("os").GetProperty("prettyName").GetProperty("value").GetString());
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", root.GetProperty("cpu").GetProperty("modelName").GetProperty("value").GetString());
        Assert.Equal(2, root.GetProperty("cpu").GetProperty("sockets").GetProperty("value").GetInt32());
        Assert.Equal("0-47", root.GetProperty("numa").GetProperty("nodes")[0].GetProperty("cpus").GetProperty("value").GetString());
        Assert.Equal("none", root.GetProperty("platform").GetProperty("virtualization").GetProperty("value").GetString());
        var sda = root.GetProperty("blockDevices")[0];
        Assert.Equal("sda", sda.GetProperty("name").GetString());
        Assert.Equal(0, sda.GetProperty("queue").GetProperty("nomerges").GetProperty("value").GetInt32());
        Assert.Equal(1, sda.GetProperty("queue").GetProperty("rotational").GetProperty("value").GetInt32());
        Assert.Equal("deadline", sda.GetProperty("queue").GetProperty("scheduler").GetProperty("value").GetString());
        var nic = root.GetProperty("nics")[0];
        Assert.Equal("em1", nic.GetProperty("name").GetString());
        Assert.Equal("tg3", nic.GetProperty("driver").GetProperty("value").GetString());
        Assert.Equal(0, nic.GetProperty("numaNode").GetProperty("value").GetInt32());
        Assert.False(nic.GetProperty("numaNode").TryGetProperty("state", out _));
        Assert.Equal("hpet", root.GetProperty("clocksource").GetProperty("current").GetProperty("value").GetString());
        Assert.Equal("missing", root.GetProperty("kernel").GetProperty("commandLine").GetProperty("state").GetString());
    }

    [Fact]
    public void Text_names_each_value_with_its_evidence()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("nvme.tar.gz"));

        var result = CliRunner.Run(temp.FullPath, "facts", bundle);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kernel.release = 4.4.0-1087-aws    (sos_commands/kernel/uname_-a:1)", result.Out);
        Assert.Contains("blockDevices[nvme1n1].queue.nomerges = 2    (sys/block/nvme1n1/queue/nomerges:1)", result.Out);
        Assert.Contains("platform.virtualization = kvm    (sos_commands/processor/lscpu:13)", result.Out);
        Assert.Contains("kernel.version: missing (no proc/version file)", result.Out);
    }

    [Fact]
    public void A_stored_bundle_is_found_by_a_unique_id_prefix()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("nvme.tar.xz"));
        Assert.Equal(0, CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath).ExitCode);
        string id;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            id = db.ListBundles().Single().Id;
        }

        var result = CliRunner.Run(temp.FullPath, "facts", id[..10], "--db", temp.DatabasePath, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"ip-10-0-0-12\"", result.Out);
        var missing = CliRunner.Run(temp.FullPath, "facts", "ffffffffffff", "--db", temp.DatabasePath);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no stored bundle id starts with it", missing.Error);
        var noFile = CliRunner.Run(temp.FullPath, "facts", "no-such-bundle.tar.xz", "--db", temp.DatabasePath);
        Assert.Equal(3, noFile.ExitCode);
        Assert.Contains("no such file or directory", noFile.Error);
    }

    [Fact]
    public void The_machines_root_folder_is_refused_instead_of_read_as_an_unpacked_sosreport()
    {
        var result = CliRunner.Run(temp.FullPath, "facts", "/");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("advisor: error: /: this machine's root folder is not a bundle; --live analyses this machine" + Environment.NewLine, result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void The_bundle_warnings_and_a_truncation_go_to_standard_error()
    {
        var tar = SosFixtures.UbuntuNvmeSnapshotHost()
            .Symlink("etc/passwd-link", "/etc/passwd")
            .File("var/log/filler.log", string.Concat(Enumerable.Range(0, 4000).Select(i => $"filler line {i} with some text\n")))
            .ToTarBytes();
        // cut inside the filler log, the last member: everything the facts need was read before it
        var bundle = temp.Combine("cut.tar");
        File.WriteAllBytes(bundle, tar[..(tar.Length - 60_000)]);

        var result = CliRunner.Run(temp.FullPath, "facts", bundle);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kernel.release = 4.4.0-1087-aws", result.Out);
        Assert.Contains($"advisor: warning: {bundle}: link 'etc/passwd-link' -> '/etc/passwd' points outside the bundle: not followed", result.Error);
        Assert.Contains($"advisor: warning: {bundle}: archive truncated after", result.Error);
        Assert.Contains("what is printed covers what was read", result.Error);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_folder_the_user_may_not_enter_is_named_on_standard_error_instead_of_left_out_silently()
    {
        var folder = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("sys/block/sda/queue/scheduler", "[mq-deadline] none\n")
            .WriteUnpacked(temp.Combine("unpacked"));
        var locked = Path.Combine(folder, "sys/block");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            // root reads any folder: the check needs advisor bound by permissions like any user
            var result = Environment.IsPrivilegedProcess
                ? AdvisorProcess.RunAsRootBoundByPermissions(temp.FullPath, "facts", folder)
                : CliRunner.Run(temp.FullPath, "facts", folder);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("kernel.release = 5.15.0-91-generic", result.Out);
            Assert.Contains($"advisor: warning: {folder}: folder 'sys/block' could not be read (permission denied): its contents are missing from the analysis", result.Error);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
