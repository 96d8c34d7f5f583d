using Advisor.Cli;
using Advisor.Configuration;
using Advisor.Ingestion;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Ingestion;

/// <summary>One process, one LiteDB file, several bundles at once: each transaction runs on its own thread.</summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Two_concurrent_ingests_into_one_database_both_land_whole()
    {
        var first = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1087-aws").WriteTarXz(temp.Combine("first.tar.xz"));
        var second = SosFixtures.CentOsBareMetalOnHpet().WriteTarGz(temp.Combine("second.tar.gz"));
        var ingestor = new Ingestor(KnowledgeLocation.LoadShipped(), new AdvisorSettings());
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        using var start = new Barrier(2);

        IngestOutcome Run(string bundle)
        {
            var read = BundleFactsReader.Read(new IngestRequest(bundle), new AdvisorSettings());
            start.SignalAndWait();
            return ingestor.Complete(read, db);
        }

        var outcomes = new[] { first, second }.AsParallel().WithDegreeOfParallelism(2).Select(Run).ToList();

        Assert.NotEqual(outcomes[0].Bundle.Id, outcomes[1].Bundle.Id);
        var stored = db.ListBundles();
        Assert.Equal(["ip-10-0-0-12", "storage01"], stored.Select(b => b.Hostname).Order());
        foreach (var bundle in stored)
        {
            Assert.NotNull(db.LoadFacts(bundle.Id));
            Assert.NotNull(db.LoadLatestAnalysis(bundle.Id));
            Assert.NotEmpty(db.LoadFiles(bundle.Id));
            Assert.Equal(bundle.EntryCount, db.LoadEntryNames(bundle.Id).Count);
        }

        Assert.Contains(db.LoadLatestAnalysis(stored.Single(b => b.Hostname == "ip-10-0-0-12").Id)!.Diagnostics, d => d.Id == "ADV0001");
    }
}
