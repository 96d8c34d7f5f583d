using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>What each audience's Markdown report says, for real bundles ingested by the command line.</summary>
public sealed class MarkdownReportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Ingest(BundleBuilder builder, string audience, string name = "host.tar.gz")
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", builder.WriteTarGz(temp.Combine(name)), "--db", temp.DatabasePath, "--audience", audience);
        Assert.Equal(0, result.ExitCode);
        return result.Out;
    }

    [Fact]
    public void The_customer_report_says_what_to_do_first_and_shows_evidence_in_plain_words_without_rule_internals()
    {
        var report = Ingest(SosFixtures.UbuntuNvmeSnapshotHost(), "customer");

        Assert.Contains("**Summary:** 3 findings (0 error, 3 warning, 0 info); 0 checks could not run.", report);
        Assert.Contains("**Do this first:** NVMe request merging disabled by the kernel (nvme0n1): `echo 0 > /sys/block/nvme0n1/queue/nomerges`. See [ADV0001 below](#adv0001-nvme0n1).", report);
        Assert.Contains("- `sys/block/nvme1n1/queue/nomerges` (line 1) reads `2`", report);
        Assert.Contains("- For this host (Ubuntu 16.04.6 LTS, kernel `4.4.0-1087-aws`): upgrade to kernel `4.4.0-1088-aws` or later (package `linux-image-4.4.0-1088-aws`); Ubuntu 16.04 AWS kernel.", report);
        Assert.Contains("- Upstream commit `4ad8d880b6c4` \"dm snapshot: Replace mutex with rw semaphore\", first released in v5.2.", report);
        Assert.Contains("(the snapshot device here is `data-snap`)", report);
        Assert.Contains("## System overview", report);
        foreach (var internals in new[] { "rules/ADV0001", "scope blockDevice", "For the engineer", "Evidence lines", "decoder", ":1: 2`" })
        {
            Assert.DoesNotContain(internals, report);
        }
    }

    [Fact]
    public void The_engineer_report_adds_evidence_lines_rules_entries_and_the_decoder()
    {
        var report = Ingest(SosFixtures.UbuntuNvmeSnapshotHost(), "engineer");

        Assert.Contains("- `sys/block/nvme1n1/queue/nomerges:1: 2`", report);
        Assert.Contains("- `sos_commands/devicemapper/dmsetup_table:1: data-snap: 0 209715200 snapshot 253:1 253:2 P 8`", report);
        Assert.Contains("*Rule ADV0002 (`rules/ADV0002-dm-snapshot.json`), category Storage, scope dmTarget, instance `data-snap`;", report);
        Assert.Contains("| ADV0003 | Slow clocksource in use while the TSC is available | Clock | host | warning | `rules/ADV0003-slow-clocksource.json` |", report);
        Assert.Matches(@"- Entries listed: \d+; captured for parsing: \d+; skipped \(read by no parser\): \d+", report);
        Assert.Contains("decoder ", report);
    }

    [Fact]
    public void Checks_without_their_inputs_are_listed_as_not_evaluated_with_what_they_lacked()
    {
        var report = Ingest(SosFixtures.UbuntuNvmeSnapshotHost().Without("sos_commands/kernel/uname_-a").Without("uname"), "customer");

        Assert.Contains("## Not evaluated", report);
        Assert.Contains("- ADV0001 NVMe request merging disabled by the kernel on nvme0n1, nvme1n1: missing sos\\_commands/kernel/uname\\_-a is not in the bundle", report);
        Assert.Contains("| Kernel | not collected |", report);
        Assert.Contains("No known issue was found in the checks that could run.", report);
    }

    [Fact]
    public void Suppressed_findings_show_only_to_the_engineer_with_their_justification()
    {
        File.WriteAllText(temp.Combine("advisor.json"), """
            { "Suppressions": [ { "Id": "ADV0002", "Justification": "nightly backup snapshot" } ] }
            """);

        var engineer = Ingest(SosFixtures.UbuntuNvmeSnapshotHost(), "engineer");
        var customer = Ingest(SosFixtures.UbuntuNvmeSnapshotHost(), "customer", "again.tar.gz");

        Assert.Contains("### Suppressed findings", engineer);
        Assert.Contains("- ADV0002 (data-snap, warning): data-snap is a device-mapper snapshot on kernel 4.4.0-1087-aws: every write to the origin is serialised under one lock. Suppressed: nightly backup snapshot", engineer);
        Assert.Contains("  - `sos_commands/devicemapper/dmsetup_table:1: data-snap: 0 209715200 snapshot 253:1 253:2 P 8`", engineer);
        Assert.DoesNotContain("### ADV0002", engineer);
        Assert.DoesNotContain("ADV0002", customer);
    }

    [Fact]
    public void Parse_warnings_show_to_the_engineer()
    {
        var builder = SosFixtures.UbuntuNvmeSnapshotHost().File("sos_commands/processor/lscpu", "bash: lscpu: command not found\n");

        var engineer = Ingest(builder, "engineer");

        Assert.Contains("### Parse and bundle warnings", engineer);
        Assert.Contains("command not found", engineer[engineer.IndexOf("### Parse and bundle warnings", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void A_kernel_line_without_a_listed_fixed_build_is_told_so()
    {
        var report = Ingest(SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-21-lowlatency"), "customer");

        Assert.Contains("- No fixed build is listed for this host's kernel line (Ubuntu 16.04.6 LTS, kernel `4.4.0-21-lowlatency`); fixed builds exist for `4.4.0-155-generic`, `4.4.0-1088-aws`.", report);
    }
}
