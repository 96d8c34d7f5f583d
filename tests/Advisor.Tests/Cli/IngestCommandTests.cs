using Advisor.Cli;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

/// <summary>The ingest command's contract: exit codes, where output goes, configuration layering.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string AffectedBundle() => SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("host.tar.gz"));

    [Fact]
    public void Fail_on_warning_exits_1_when_a_warning_is_found()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--fail-on", "warning");

        Assert.Equal(ExitCodes.FindingsAtThreshold, result.ExitCode);
    }

    [Fact]
    public void Fail_on_error_exits_0_when_only_warnings_are_found()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--fail-on", "error");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("ADV0001", result.Out);
    }

    [Fact]
    public void Severity_override_on_the_command_line_turns_a_rule_off_and_raises_another()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath,
            "--severity", "ADV0001=none", "--severity", "ADV0002=error", "--fail-on", "error");

        Assert.Equal(ExitCodes.FindingsAtThreshold, result.ExitCode);
        Assert.DoesNotContain("ADV0001", result.Out);
        Assert.Contains("**Severity:** error", result.Out);
    }

    [Fact]
    public void Advisor_json_in_the_working_folder_sets_database_severity_and_suppressions()
    {
        var database = temp.Combine("from-config.db");
        File.WriteAllText(temp.Combine("advisor.json"), $$"""
            {
              "Database": { "Path": "{{database}}" },
              "Severity": { "Storage": "info" },
              "Suppressions": [ { "Id": "ADV0002", "Instance": "data-snap", "Justification": "nightly backup snapshot" } ]
            }
            """);

        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--audience", "engineer");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(database));
        Assert.Contains("**Severity:** info", result.Out);
        Assert.DoesNotContain("### ADV0002", result.Out);
        Assert.Contains("- ADV0002 (data-snap, info): data-snap is a device-mapper snapshot", result.Out);
        Assert.Contains("Suppressed: nightly backup snapshot", result.Out);
    }

    [Fact]
    public void Command_line_db_wins_over_advisor_json()
    {
        File.WriteAllText(temp.Combine("advisor.json"), $$"""{ "Database": { "Path": "{{temp.Combine("config.db")}}" } }""");
        var commandLineDb = temp.Combine("command-line.db");

        CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", commandLineDb);

        Assert.True(File.Exists(commandLineDb));
        Assert.False(File.Exists(temp.Combine("config.db")));
    }

    [Fact]
    public void Report_goes_to_the_output_file_and_the_summary_to_stderr()
    {
        var report = temp.Combine("report.md");

        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--output", report);

        Assert.Equal("", result.Out);
        Assert.Contains("### ADV0001", File.ReadAllText(report));
        Assert.Contains("3 finding(s)", result.Error);
        Assert.Contains("report written to", result.Error);
    }

    [Fact]
    public void Output_dash_writes_the_report_to_standard_output_and_no_file_named_dash()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--output", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("### ADV0001", result.Out);
        Assert.False(File.Exists(temp.Combine("-")));
    }

    [Fact]
    public void A_bundle_named_dash_is_read_from_standard_input()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("host.tar.xz"));

        var result = AdvisorProcess.RunWithInput(temp.FullPath, bundle, "ingest", "-", "--db", temp.DatabasePath, "--quiet");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("### ADV0001: NVMe request merging disabled by the kernel (nvme1n1)", result.Out);
        Assert.StartsWith("advisor: -: ", result.Error);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal("xz", Assert.Single(db.ListBundles()).Format);
    }

    [Fact]
    public void An_archive_that_is_not_the_one_its_checksum_names_says_so_atop_the_customer_report_and_again_when_reported_later()
    {
        var bundle = AffectedBundle();
        File.WriteAllText(bundle + ".sha256", new string('0', 64) + "\n");
        var report = temp.Combine("report.md");

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--output", report);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("host.tar.gz: the archive's SHA-256 is not the one in 'host.tar.gz.sha256' (000000000000… written,", result.Error);
        const string banner = "> **Not the archive sos wrote:** the archive's SHA-256 is not the one in 'host.tar.gz.sha256'";
        Assert.Contains(banner, File.ReadAllText(report));
        string id;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            id = Assert.Single(db.ListBundles()).Id;
        }

        Assert.Contains(banner, CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath).Out);
        Assert.Contains("  warning   the archive's SHA-256 is not the one in 'host.tar.gz.sha256'", CliRunner.Run(temp.FullPath, "show", id, "--db", temp.DatabasePath).Out);
    }

    [Fact]
    public void A_checksum_mismatch_has_a_field_of_its_own_in_the_json_report_and_an_error_notification_in_sarif()
    {
        var bundle = AffectedBundle();
        File.WriteAllText(bundle + ".sha256", new string('0', 64) + "\n");

        var json = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--format", "json");
        var sarif = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--format", "sarif");

        using var jsonReport = System.Text.Json.JsonDocument.Parse(json.Out);
        var mismatch = jsonReport.RootElement.GetProperty("bundle").GetProperty("checksumMismatch").GetString();
        Assert.StartsWith("the archive's SHA-256 is not the one in 'host.tar.gz.sha256'", mismatch);
        using var sarifLog = System.Text.Json.JsonDocument.Parse(sarif.Out);
        var notifications = sarifLog.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")
            .EnumerateArray().Select(n => (Level: n.GetProperty("level").GetString(), Text: n.GetProperty("message").GetProperty("text").GetString()!)).ToList();
        var said = Assert.Single(notifications, n => n.Text.Contains("is not the one in 'host.tar.gz.sha256'", StringComparison.Ordinal));
        Assert.Equal("error", said.Level);
        Assert.StartsWith($"Not the archive sos wrote: {mismatch}", said.Text);
    }

    [Fact]
    public void An_archive_that_matches_its_checksum_gets_no_banner()
    {
        var bundle = AffectedBundle();
        File.WriteAllText(bundle + ".sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(bundle))) + "\n");

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--verbose");

        Assert.Contains("SHA-256 matches 'host.tar.gz.sha256'", result.Error);
        Assert.DoesNotContain("Not the archive sos wrote", result.Out);
        Assert.Contains("### ADV0001", result.Out);
    }

    [Fact]
    public void A_file_that_is_not_an_archive_exits_3_with_one_line_naming_it()
    {
        var notABundle = temp.Combine("notes.txt");
        File.WriteAllText(notABundle, "this is not a sosreport\n");

        var result = CliRunner.Run(temp.FullPath, "ingest", notABundle, "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UnreadableBundle, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("notes.txt: not a bundle", line);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void An_archive_of_several_reports_exits_3_and_stores_nothing()
    {
        var staging = temp.Combine("staging");
        new BundleBuilder("sosreport-node1-2026-11-23-abcdef").File("sos_commands/host/hostname", "node1\n").WriteUnpacked(staging);
        new BundleBuilder("sosreport-node2-2026-11-23-abcdef").File("sos_commands/host/hostname", "node2\n").WriteUnpacked(staging);
        var archive = temp.Combine("cluster.tar.gz");
        BundleBuilder.RunTool("tar", ["-czf", archive, "-C", staging, "."]);

        var result = CliRunner.Run(temp.FullPath, "ingest", archive, "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UnreadableBundle, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cluster.tar.gz: holds 2 bundles", line);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Empty(db.ListBundles());
    }

    [Fact]
    public void A_report_that_cannot_be_written_exits_2_naming_the_stored_bundle_and_how_to_write_it_again()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--output", temp.Combine("no-such-folder", "r.md"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var match = System.Text.RegularExpressions.Regex.Match(result.Error, @"r\.md: cannot write the report \(.*\); the bundle is stored as ([0-9a-f]{12}): 'advisor report \1 --output <file>' writes it");
        Assert.True(match.Success, result.Error);
        var again = CliRunner.Run(temp.FullPath, "report", match.Groups[1].Value, "--db", temp.DatabasePath, "--output", temp.Combine("r.md"));
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("ADV0001", File.ReadAllText(temp.Combine("r.md")));
    }

    [Fact]
    public void A_missing_bundle_exits_3()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", temp.Combine("nope.tar.xz"), "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UnreadableBundle, result.ExitCode);
        Assert.Contains("nope.tar.xz: no such file or directory", result.Error);
    }

    [Fact]
    public void Help_lists_the_audiences_and_severities_as_they_are_typed_in_severity_order()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--audience <customer|engineer>", result.Out);
        Assert.Contains("--fail-on <none|info|warning|error>", result.Out);
        Assert.DoesNotContain("[default: Customer]", result.Out);
    }

    [Fact]
    public void An_unknown_option_value_exits_2()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--fail-on", "sometimes");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("sometimes", result.Error);
    }

    [Fact]
    public void A_bad_severity_override_exits_2()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", temp.DatabasePath, "--severity", "ADV0001=loud");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--severity ADV0001=loud", result.Error);
    }

    [Fact]
    public void A_database_file_that_is_not_a_database_exits_2_and_is_left_alone()
    {
        var bogus = temp.Combine("bogus.db");
        File.WriteAllText(bogus, new string('x', 20000));

        var result = CliRunner.Run(temp.FullPath, "ingest", AffectedBundle(), "--db", bogus);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("bogus.db", result.Error);
        Assert.Equal(new string('x', 20000), File.ReadAllText(bogus));
    }

    [Fact]
    public void An_unpacked_folder_is_a_bundle_too()
    {
        var folder = SosFixtures.UbuntuNvmeSnapshotHost().WriteFolder(temp.Combine("sosreport-folder"));

        var result = CliRunner.Run(temp.FullPath, "ingest", folder, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("### ADV0001: NVMe request merging disabled by the kernel (nvme1n1)", result.Out);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal("directory", Assert.Single(db.ListBundles()).Format);
    }

    [Fact]
    public void A_plain_tar_is_read()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTar(temp.Combine("host.tar"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("### ADV0001", result.Out);
    }
}
