using Advisor.Cli;
using Advisor.Configuration;
using Advisor.Ingestion;
using Advisor.Rules;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.History;

/// <summary>Cases, diff, re-analysis and suppressions: the database as the case's memory.</summary>
public sealed class CaseHistoryTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Before() => SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1087-aws", nomerges: 2).WriteTarXz(temp.Combine("before.tar.xz"));

    /// <summary>The same host after the kernel update: new kernel package, newer ENA driver, nomerges 0; openssl untouched.</summary>
    private string After() => SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1088-aws", nomerges: 0, enaVersion: "2.0.2K").WriteTarXz(temp.Combine("after.tar.xz"));

    private CliRunner.Result Advisor(params string[] args) => CliRunner.Run(temp.FullPath, [.. args, "--db", temp.DatabasePath]);

    [Fact]
    public void Diff_of_a_case_reports_kernel_package_driver_and_tunable_changes_and_the_resolved_finding_and_nothing_unchanged()
    {
        Advisor("ingest", Before(), "--case", "CASE-7");
        Advisor("ingest", After(), "--case", "CASE-7");

        var result = Advisor("diff", "CASE-7");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("| release | `4.4.0-1087-aws` | `4.4.0-1088-aws` |", result.Out);
        Assert.Contains("| nvme1n1 queue nomerges | `2` | `0` |", result.Out);
        Assert.Contains("| nvme0n1 queue nomerges | `2` | `0` |", result.Out);
        Assert.Contains("### Packages: kernel", result.Out);
        Assert.Contains("| linux-aws | `4.4.0.1087.100` | `4.4.0.1088.100` |", result.Out);
        Assert.Contains("| linux-image-4.4.0-1088-aws | (absent) | `4.4.0-1088.1088` |", result.Out);
        Assert.Contains("| linux-image-4.4.0-1087-aws | `4.4.0-1087.1087` | (absent) |", result.Out);
        Assert.Contains("### Network interfaces", result.Out);
        Assert.Contains("| ens5 driver version | `1.5.0K` | `2.0.2K` |", result.Out);
        Assert.DoesNotContain("openssl", result.Out);
        Assert.DoesNotContain("lvm2", result.Out);
        Assert.Contains("**Resolved:**\n\n- ADV0001 NVMe request merging disabled by the kernel (nvme0n1), warning\n- ADV0001 NVMe request merging disabled by the kernel (nvme1n1), warning", result.Out);
        Assert.Contains("**Persisting:**\n\n- ADV0002", result.Out);
        Assert.DoesNotContain("**New:**", result.Out);
        Assert.DoesNotContain("scheduler", result.Out);
        Assert.DoesNotContain("rotational", result.Out);
        Assert.DoesNotContain("Ubuntu 16.04", result.Out.Split("## What changed on the system")[1]);
    }

    [Fact]
    public void Diff_shows_which_node_serves_a_nics_interrupts_and_nothing_about_raw_counts()
    {
        // before: the ConnectX vectors are served on node 0, the far socket; after re-pinning: on node 1, its own
        var before = SosFixtures.FromRuleTestBase("haswell-ep-mlx5-far-socket").WriteTarXz(temp.Combine("far.tar.xz"));
        var afterBuilder = SosFixtures.FromRuleTestBase("haswell-ep-mlx5-far-socket").File("proc/interrupts", Interrupts([6, 7, 8, 9, 10, 11, 18, 19]));
        for (var i = 0; i < 8; i++)
        {
            var cpu = new[] { 6, 7, 8, 9, 10, 11, 18, 19 }[i];
            afterBuilder.File($"proc/irq/{120 + i}/smp_affinity_list", $"{cpu}\n").File($"proc/irq/{120 + i}/effective_affinity_list", $"{cpu}\n");
        }

        Advisor("ingest", before, "--case", "NUMA-1");
        Advisor("ingest", afterBuilder.WriteTarXz(temp.Combine("near.tar.xz")), "--case", "NUMA-1");

        var result = Advisor("diff", "NUMA-1");

        Assert.Contains("| ens1f0 interrupts served mostly on node | `0` | `1` |", result.Out);
        Assert.Contains("**Resolved:**\n\n- ADV0004 NIC interrupts served outside the NIC's NUMA node (ens1f0)", result.Out);
        Assert.DoesNotContain("count", result.Out.Split("## What changed on the system")[1], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A /proc/interrupts of 24 CPUs with the eight mlx5 vectors of 0000:82:00.0 each served by one of <paramref name="cpus"/>.</summary>
    private static string Interrupts(int[] cpus)
    {
        var text = new System.Text.StringBuilder("     " + string.Concat(Enumerable.Range(0, 24).Select(c => $"CPU{c}".PadLeft(11))) + "\n");
        for (var i = 0; i < 8; i++)
        {
            text.Append($"{120 + i,4}:" + string.Concat(Enumerable.Range(0, 24).Select(c => (c == cpus[i] ? 5000000 + i : 0).ToString().PadLeft(11))));
            text.Append($"  IR-PCI-MSI {43516025 + i}-edge      mlx5_comp{i}@pci:0000:82:00.0\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Diff_as_json_lists_changes_and_findings()
    {
        Advisor("ingest", Before(), "--case", "C");
        Advisor("ingest", After(), "--case", "C");

        var result = Advisor("diff", "C", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Contains("kernel.release", changes);
        Assert.Contains("blockDevices[0000:00:1f.0].queue.nomerges", changes);
        Assert.Equal(2, json.RootElement.GetProperty("resolvedFindings").GetArrayLength());
    }

    [Fact]
    public void Bundles_are_found_by_a_unique_id_prefix_and_an_ambiguous_or_unknown_one_is_a_clear_error()
    {
        Advisor("ingest", Before());
        string id;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            id = Assert.Single(db.ListBundles()).Id;
        }

        Assert.Contains($"Bundle {id}", Advisor("show", id[..7]).Out);

        var unknown = Advisor("show", "ffffffffffff");
        Assert.Equal(ExitCodes.UsageError, unknown.ExitCode);
        Assert.Contains("no bundle or case 'ffffffffffff'", unknown.Error);
    }

    [Fact]
    public void List_shows_cases_bundles_and_finding_counts()
    {
        Advisor("ingest", Before(), "--case", "CASE-7");

        var result = Advisor("list");

        Assert.Contains("CASE-7", result.Out);
        Assert.Contains("ip-10-0-0-12", result.Out);
        Assert.Contains("4.4.0-1087-aws", result.Out);
        Assert.Matches(@"│ 0\s+│ 3\s+│ 0\s+│", result.Out);
    }

    [Fact]
    public void Reanalysis_with_a_changed_rule_updates_findings_and_keeps_the_old_analysis()
    {
        Advisor("ingest", Before(), "--case", "CASE-7");
        var changed = KnowledgeBaseCopy.Create(temp);
        var rule = Path.Combine(changed, "rules", "ADV0002-dm-snapshot.json");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("\"defaultSeverity\": \"warning\"", "\"defaultSeverity\": \"error\""));
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var bundle = Assert.Single(db.ListBundles());
        var original = db.LoadLatestAnalysis(bundle.Id)!;

        var analysis = new Ingestor(RuleSet.LoadFrom(changed), new AdvisorSettings()).Reanalyze(bundle, db);

        Assert.NotEqual(original.RuleSetVersion, analysis.RuleSetVersion);
        var analyses = db.ListAnalyses(bundle.Id);
        Assert.Equal(2, analyses.Count);
        Assert.Equal(Diagnostics.Severity.Warning, analyses[0].Analysis.Diagnostics.Single(d => d.Id == "ADV0002").Severity);
        Assert.Equal(Diagnostics.Severity.Error, analyses[1].Analysis.Diagnostics.Single(d => d.Id == "ADV0002").Severity);
        Assert.Equal(1, db.FindBundle(bundle.Id)!.FindingCounts.Errors);
    }

    [Fact]
    public void A_case_suppression_applies_to_later_ingests_and_survives_reanalysis()
    {
        Advisor("ingest", Before(), "--case", "CASE-7");

        var suppress = CliRunner.Run(temp.FullPath, "suppress", "ADV0002", "--case", "CASE-7", "--instance", "data-snap",
            "--justification", "backup snapshot, removed nightly", "--who", "alice", "--db", temp.DatabasePath);
        var reanalyze = Advisor("reanalyze", "--case", "CASE-7");
        var show = Advisor("show", "CASE-7");

        Assert.Equal(0, suppress.ExitCode);
        Assert.Equal(0, reanalyze.ExitCode);
        Assert.Contains("ADV0002 data-snap", show.Out);
        Assert.Contains("[suppressed: backup snapshot, removed nightly (alice,", show.Out);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var latest = db.LoadLatestAnalysis(Assert.Single(db.ListBundles()).Id)!;
        Assert.True(latest.Diagnostics.Single(d => d.Id == "ADV0002").IsSuppressed);
        Assert.Equal(2, db.FindBundle(db.ListBundles()[0].Id)!.FindingCounts.Warnings);
    }

    [Fact]
    public void Diff_of_one_bundle_with_itself_compares_its_two_latest_analyses()
    {
        Advisor("ingest", Before());
        var changed = KnowledgeBaseCopy.Create(temp);
        var rule = Path.Combine(changed, "rules", "ADV0002-dm-snapshot.json");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("\"condition\": \"advisory.AffectsKernel(host.Kernel.Release.Value)\"", "\"condition\": \"false\""));
        string id;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            var bundle = Assert.Single(db.ListBundles());
            id = bundle.Id;
            new Ingestor(RuleSet.LoadFrom(changed), new AdvisorSettings()).Reanalyze(bundle, db);
        }

        var result = Advisor("diff", id[..10], id[..10]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Two analyses of the same bundle", result.Out);
        Assert.Contains("**Resolved:**\n\n- ADV0002", result.Out);
        Assert.Contains("Nothing that Advisor reads differs", result.Out);
    }

    [Fact]
    public void Db_check_passes_on_a_healthy_database_and_export_writes_the_case()
    {
        Advisor("ingest", Before(), "--case", "CASE-7");
        Advisor("ingest", After(), "--case", "CASE-7");

        var check = Advisor("db", "check");
        var export = Advisor("db", "export", "CASE-7");

        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"schema {AdvisorDatabase.SchemaVersion}, 2 bundle(s), no problems", check.Out);
        using var json = System.Text.Json.JsonDocument.Parse(export.Out);
        Assert.Equal("CASE-7", json.RootElement.GetProperty("caseId").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("bundles").GetArrayLength());
        Assert.Equal("4.4.0-1088-aws", json.RootElement.GetProperty("bundles")[1].GetProperty("facts").GetProperty("kernel").GetProperty("release").GetProperty("value").GetString());
    }
}
