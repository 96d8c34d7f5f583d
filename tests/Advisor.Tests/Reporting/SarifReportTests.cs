using System.Text.Json;
using Advisor.Reporting;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

public sealed class SarifReportTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private (string Id, string Sarif) SampleSarif(params string[] extra)
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);
        var result = CliRunner.Run(temp.FullPath, ["report", id[..10], "--db", temp.DatabasePath, "--format", "sarif", .. extra]);
        Assert.Equal(0, result.ExitCode);
        return (id, result.Out);
    }

    [Fact]
    public void The_sample_log_is_valid_sarif_2_1_0_with_a_descriptor_for_every_rule()
    {
        var (_, sarif) = SampleSarif();

        SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var driver = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("Advisor", driver.GetProperty("name").GetString());
        Assert.Equal(AdvisorVersion.Text, driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(StoredReports.RepositoryRules.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
        var adv0001 = rules[0];
        Assert.Equal("NVMe request merging disabled by the kernel", adv0001.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.StartsWith("Linux 4.4 creates every NVMe namespace", adv0001.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal("warning", adv0001.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("Storage", adv0001.GetProperty("properties").GetProperty("category").GetString());
        Assert.Contains("nvme", adv0001.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("kb/ADV0001.md", adv0001.GetProperty("properties").GetProperty("kbArticle").GetString());
    }

    [Fact]
    public void Results_point_at_their_rule_and_at_the_evidence_inside_the_bundle()
    {
        var (_, sarif) = SampleSarif();

        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
        }

        var nvme1 = results.Single(r => r.GetProperty("properties").GetProperty("instance").GetString() == "nvme1n1");
        var location = nvme1.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("sys/block/nvme1n1/queue/nomerges", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(SarifReportWriter.BundleRoot, location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("2", location.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString());
        var related = nvme1.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal("sos_commands/kernel/uname_-a", related);
        Assert.StartsWith("nvme1n1 refuses request merges", nvme1.GetProperty("message").GetProperty("text").GetString());
        Assert.True(run.GetProperty("originalUriBaseIds").TryGetProperty(SarifReportWriter.BundleRoot, out _));
    }

    [Fact]
    public void Fingerprints_are_stable_across_ingests_and_distinct_per_finding()
    {
        var (_, first) = SampleSarif();
        using var other = new TempFolder();
        var otherId = StoredReports.Ingest(other.FullPath, StoredReports.SampleBundle, other.DatabasePath);
        var second = CliRunner.Run(other.FullPath, "report", otherId, "--db", other.DatabasePath, "--format", "sarif").Out;

        static List<string> Fingerprints(string sarif)
        {
            using var log = JsonDocument.Parse(sarif);
            return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintName).GetString()!).ToList();
        }

        SarifSchema.AssertValid(second);
        Assert.Equal(Fingerprints(first), Fingerprints(second));
        Assert.Equal(3, Fingerprints(first).Distinct().Count());
    }

    [Fact]
    public void A_suppressed_finding_is_kept_with_an_external_suppression_and_its_justification()
    {
        File.WriteAllText(temp.Combine("advisor.json"), """
            { "Suppressions": [ { "Id": "ADV0002", "Instance": "data-snap", "Justification": "backup snapshot, removed nightly" } ] }
            """);

        var (_, sarif) = SampleSarif();

        SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("ADV0002", suppressed.GetProperty("ruleId").GetString());
        var suppression = suppressed.GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("backup snapshot, removed nightly", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void With_a_documentation_uri_rules_link_to_their_kb_article()
    {
        File.WriteAllText(temp.Combine("advisor.json"), """{ "Reports": { "DocumentationUri": "https://docs.example.org/advisor" } }""");

        var (_, sarif) = SampleSarif();

        SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var driver = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("https://docs.example.org/advisor/README.md", driver.GetProperty("informationUri").GetString());
        Assert.Equal("https://docs.example.org/advisor/kb/ADV0002.md", driver.GetProperty("rules")[1].GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Checks_that_could_not_run_become_notifications_naming_their_rule()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().Without("sos_commands/kernel/uname_-a").Without("uname").WriteTarGz(temp.Combine("no-uname.tar.gz"));
        var id = StoredReports.Ingest(temp.FullPath, bundle, temp.DatabasePath);

        var sarif = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", "sarif").Out;

        SarifSchema.AssertValid(sarif);
        using var log = JsonDocument.Parse(sarif);
        var notifications = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        var nvme = notifications.First(n => n.TryGetProperty("associatedRule", out var rule) && rule.GetProperty("id").GetString() == "ADV0001");
        Assert.Equal(0, nvme.GetProperty("associatedRule").GetProperty("index").GetInt32());
        Assert.Contains("not evaluated", nvme.GetProperty("message").GetProperty("text").GetString());
        Assert.Empty(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void A_relative_documentation_uri_is_a_configuration_error()
    {
        File.WriteAllText(temp.Combine("advisor.json"), """{ "Reports": { "DocumentationUri": "docs/advisor" } }""");

        var result = CliRunner.Run(temp.FullPath, "ingest", StoredReports.SampleBundle, "--db", temp.DatabasePath, "--format", "sarif");

        Assert.Equal(Advisor.Cli.ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("advisor: error: Reports:DocumentationUri = 'docs/advisor' is not an absolute http(s) or file URI", result.Error.TrimEnd());
    }

    [Theory]
    [InlineData("sys/block/nvme1n1/queue/nomerges", "sys/block/nvme1n1/queue/nomerges")]
    [InlineData("sos_commands/foo/a b#c?%d", "sos_commands/foo/a%20b%23c%3F%25d")]
    public void Bundle_paths_become_relative_uri_references(string path, string uri)
    {
        Assert.Equal(uri, SarifReportWriter.BundleUri(path));
    }
}
