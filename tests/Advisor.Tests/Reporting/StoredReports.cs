using Advisor.Reporting;
using Advisor.Rules;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>Ingests real bundles with the real command line into a real database, and reads report inputs back from it.</summary>
public static class StoredReports
{
    /// <summary>The shipped sample: a fixed archive, so its bundle id (and so every report of it) is the same on every run.</summary>
    public static string SampleBundle => TestPaths.InRepository("samples/sosreport-nvme-snapshot-host.tar.xz");

    public static RuleSet RepositoryRules { get; } = RuleSet.Load(
        TestPaths.InRepository("rules"), TestPaths.InRepository("kb"), TestPaths.InRepository("rules.schema.json"));

    /// <summary>Runs <c>advisor ingest</c> and returns the stored bundle's id.</summary>
    public static string Ingest(string workingDirectory, string bundle, string database)
    {
        var result = CliRunner.Run(workingDirectory, "ingest", bundle, "--db", database);
        Assert.True(result.ExitCode == 0, $"ingest failed ({result.ExitCode}): {result.Error}");
        using var db = AdvisorDatabase.Open(database);
        return db.ListBundles().Single(b => b.FileName == Path.GetFileName(bundle)).Id;
    }

    /// <summary>What <c>advisor report</c> reads: the stored bundle, facts and latest analysis, with the repository's rules.</summary>
    public static ReportInput Load(string database, string bundleId, DateTime? generatedAt = null, string? documentationUri = null)
    {
        using var db = AdvisorDatabase.Open(database);
        return new ReportInput(
            db.FindBundle(bundleId)!,
            db.LoadFacts(bundleId)!,
            db.LoadLatestAnalysis(bundleId)!,
            RepositoryRules,
            generatedAt ?? new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc),
            null,
            documentationUri);
    }
}
