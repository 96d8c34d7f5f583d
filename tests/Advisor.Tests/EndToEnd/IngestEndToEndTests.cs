using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.EndToEnd;

/// <summary>The walking skeleton: a real tar.xz sosreport through ingest into a real LiteDB file, to the report.</summary>
public sealed class IngestEndToEndTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Affected_ubuntu_aws_kernel_with_nomerges_2_reports_ADV0001_with_evidence_fix_and_workaround()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1087-aws", nomerges: 2).WriteTarXz(temp.Combine("before.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("### ADV0001: NVMe request merging disabled by the kernel (nvme1n1)", result.Out);
        Assert.Contains("### ADV0001: NVMe request merging disabled by the kernel (nvme0n1)", result.Out);
        Assert.Contains("`sys/block/nvme1n1/queue/nomerges`", result.Out);
        Assert.Contains("`ef2d4615c59e` \"NVMe: Allow request merges\", first released in v4.5-rc5", result.Out);
        Assert.Contains("echo 0 > /sys/block/nvme1n1/queue/nomerges", result.Out);
        Assert.Contains("upgrade to kernel `4.4.0-1088-aws` or later", result.Out);
        Assert.Contains("### ADV0002:", result.Out);
        Assert.DoesNotContain("ADV0003", result.Out);
        Assert.True(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void Fixed_twin_on_4_4_0_1088_aws_with_nomerges_0_raises_no_ADV0001()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1088-aws", nomerges: 0).WriteTarXz(temp.Combine("after.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("ADV0001", result.Out);
        Assert.Contains("4.4.0-1088-aws", result.Out);
    }

    [Fact]
    public void Fixed_kernel_alone_is_enough_even_if_nomerges_is_still_2()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1088-aws", nomerges: 2).WriteTarXz(temp.Combine("fixed-kernel.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);

        Assert.DoesNotContain("ADV0001", result.Out);
    }

    [Fact]
    public void Ingesting_the_same_bundle_twice_stores_it_once()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("b.tar.xz"));

        CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);
        var second = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--case", "CASE-1");

        Assert.Equal(0, second.ExitCode);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var stored = Assert.Single(db.ListBundles());
        Assert.Equal("ip-10-0-0-12", stored.Hostname);
        Assert.Equal("4.4.0-1087-aws", stored.KernelRelease);
        Assert.Equal("CASE-1", stored.CaseId);
        Assert.Contains(db.LoadFiles(stored.Id), f => f.Path == "sos_commands/kernel/uname_-a");
        Assert.Contains(db.LoadLatestAnalysis(stored.Id)!.Diagnostics, d => d.Id == "ADV0001" && d.Instance == "nvme1n1");
    }

    [Fact]
    public void The_real_hotsos_openstack_guest_is_read_and_raises_none_of_the_bare_metal_or_kernel_rules()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", TestPaths.RealData("bundles/hotsos-openstack.tar.xz"), "--db", temp.DatabasePath, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var stored = Assert.Single(db.ListBundles());
        var facts = db.LoadFacts(stored.Id)!;
        Assert.Equal("5.4.0-97-generic", facts.Kernel.Release.Value);
        Assert.Equal("Ubuntu 20.04.3 LTS", facts.Os.PrettyName.Value);
        Assert.Equal("kvm", facts.Platform.Virtualization.Value);
        Assert.Equal("kvm-clock", facts.Clocksource.Current.Value);
        Assert.Contains(facts.BlockDevices, d => d.Name == "vda" && d.Queue.Scheduler.Value == "mq-deadline");
        using var report = System.Text.Json.JsonDocument.Parse(result.Out);
        // a KVM guest on kvm-clock: no rule of the knowledge base may fire, bare-metal ones least of all
        Assert.Equal(0, report.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void The_real_hotsos_ceph_mon_container_is_recognised_as_lxc_and_raises_nothing()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", TestPaths.RealData("bundles/hotsos-ceph-mon.tar.xz"), "--db", temp.DatabasePath, "--fail-on", "info");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("virtual (lxc)", result.Out);
        Assert.Contains("No known issue was found", result.Out);
    }

    [Fact]
    public void The_shipped_sample_bundle_raises_ADV0001()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", TestPaths.InRepository("samples/sosreport-nvme-snapshot-host.tar.xz"), "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADV0001", result.Out);
    }
}
