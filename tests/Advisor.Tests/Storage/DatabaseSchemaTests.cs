using Advisor.Storage;
using Advisor.Tests.Support;
using LiteDB;

namespace Advisor.Tests.Storage;

public sealed class DatabaseSchemaTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_schema_1_database_is_migrated_and_its_finding_counts_backfilled()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("b.tar.xz"));
        CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);
        // turn it into what Advisor 0.1 (schema 1) wrote: no finding counts on bundles
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            var bundles = raw.GetCollection("bundles");
            foreach (var doc in bundles.FindAll().ToList())
            {
                doc.Remove("FindingCounts");
                bundles.Update(doc);
            }

            raw.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 1 });
        }

        using var db = AdvisorDatabase.Open(temp.DatabasePath);

        Assert.Equal(AdvisorDatabase.SchemaVersion, db.StoredSchemaVersion);
        Assert.Equal(3, Assert.Single(db.ListBundles()).FindingCounts.Warnings);
        Assert.Empty(db.Check());
    }

    [Fact]
    public void A_database_from_a_newer_advisor_is_refused_with_a_clear_message()
    {
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            raw.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 99 });
        }

        var error = Assert.Throws<DatabaseException>(() => AdvisorDatabase.Open(temp.DatabasePath));

        Assert.Contains("written by a newer Advisor (schema 99", error.Message);
    }

    [Fact]
    public void A_litedb_file_of_another_program_is_refused_and_left_unchanged()
    {
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            raw.GetCollection("customers").Insert(new BsonDocument { ["name"] = "x" });
        }

        var before = File.ReadAllBytes(temp.DatabasePath);

        var error = Assert.Throws<DatabaseException>(() => AdvisorDatabase.Open(temp.DatabasePath));

        Assert.Contains("not an Advisor database", error.Message);
        Assert.Equal(before, File.ReadAllBytes(temp.DatabasePath));
    }

    [Fact]
    public void Db_check_finds_records_whose_bundle_is_gone()
    {
        CliRunner.Run(temp.FullPath, "ingest", SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("b.tar.xz")), "--db", temp.DatabasePath);
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            raw.GetCollection("bundles").DeleteAll();
        }

        var result = CliRunner.Run(temp.FullPath, "db", "check", "--db", temp.DatabasePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("facts document", result.Out);
        Assert.Contains("its bundle is not in the database", result.Out);
    }
}
