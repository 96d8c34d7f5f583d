using Advisor.Facts;
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
        IngestTheSample();
        // turn it into what Advisor 0.1 (schema 1) wrote: no finding counts on bundles
        DowngradeToSchema3(temp.DatabasePath);
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
    public void A_schema_2_database_gets_its_facts_and_entry_lists_compressed_and_reads_the_same()
    {
        var (bundleId, entryNames, factsJson, _) = IngestTheSample();

        // turn it into what schema 2 wrote: facts as JSON text, the entry list as base64 text of the gzip bytes
        DowngradeToSchema3(temp.DatabasePath);
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            var documents = raw.GetCollection("documents");
            foreach (var doc in documents.Find(Query.In("Kind", "facts", "entries")).ToList())
            {
                var text = CompressedText.Decompress(doc["Compressed"].AsBinary);
                doc["Json"] = doc["Kind"].AsString == "entries" ? Convert.ToBase64String(doc["Compressed"].AsBinary) : System.Text.Encoding.UTF8.GetString(text);
                doc.Remove("Compressed");
                documents.Update(doc);
            }

            raw.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 2 });
        }

        using var migrated = AdvisorDatabase.Open(temp.DatabasePath);

        Assert.Equal(AdvisorDatabase.SchemaVersion, migrated.StoredSchemaVersion);
        Assert.Equal(entryNames, migrated.LoadEntryNames(bundleId));
        Assert.Equal(factsJson, FactsJson.Serialize(migrated.LoadFacts(bundleId)!));
        Assert.Contains("sos_commands/kernel/uname_-a\t109", entryNames);
        Assert.Empty(migrated.Check());
    }

    [Fact]
    public void A_schema_3_database_gets_its_captured_files_grouped_and_its_entry_lists_coded_and_reads_the_same()
    {
        var (bundleId, entryNames, _, files) = IngestTheSample();

        DowngradeToSchema3(temp.DatabasePath);
        using (var raw = new LiteDatabase(temp.DatabasePath))
        {
            Assert.Equal(files.Count, raw.GetCollection("files").Count());
        }

        using var migrated = AdvisorDatabase.Open(temp.DatabasePath);

        Assert.Equal(AdvisorDatabase.SchemaVersion, migrated.StoredSchemaVersion);
        Assert.Equal(entryNames, migrated.LoadEntryNames(bundleId));
        Assert.Equal(files, FilesOf(migrated, bundleId));
        Assert.Contains(files, f => f.Item1 == "sos_commands/kernel/uname_-a" && f.Item2.StartsWith("Linux ", StringComparison.Ordinal));
        Assert.Contains("sos_commands/kernel/uname_-a\t109", entryNames);
        Assert.Empty(migrated.Check());
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

    /// <summary>Ingests the sample host into a new database and reads back what a migration must keep.</summary>
    private (string BundleId, IReadOnlyList<string> EntryNames, string FactsJson, List<(string, string, long, bool)> Files) IngestTheSample()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("b.tar.xz"));
        CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var bundleId = Assert.Single(db.ListBundles()).Id;
        return (bundleId, db.LoadEntryNames(bundleId), FactsJson.Serialize(db.LoadFacts(bundleId)!), FilesOf(db, bundleId));
    }

    private static List<(string, string, long, bool)> FilesOf(AdvisorDatabase db, string bundleId) =>
        db.LoadFiles(bundleId).Select(f => (f.Path, f.Text, f.Size, f.Truncated)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Rewrites a current database as schema 3 wrote it: a document per captured file in the <c>files</c>
    /// collection, and entry lists as plain <c>path\tsize</c> lines.
    /// </summary>
    private static void DowngradeToSchema3(string databasePath)
    {
        using var raw = new LiteDatabase(databasePath);
        var documents = raw.GetCollection("documents");
        var files = raw.GetCollection("files");
        foreach (var doc in documents.Find(Query.EQ("Kind", "files")).ToList())
        {
            var bundleId = doc["BundleId"].AsString;
            foreach (var file in CapturedFilesDocument.Decompress(bundleId, doc["Compressed"].AsBinary))
            {
                files.Insert(new BsonDocument
                {
                    ["_id"] = file.Id, ["BundleId"] = bundleId, ["Path"] = file.Path, ["Text"] = file.Text, ["Size"] = file.Size, ["Truncated"] = file.Truncated,
                });
            }

            documents.Delete(doc["_id"]);
        }

        foreach (var doc in documents.Find(Query.EQ("Kind", "entries")).ToList())
        {
            var lines = EntryListDocument.Decompress(doc["Compressed"].AsBinary);
            doc["Compressed"] = CompressedText.Compress(System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
            documents.Update(doc);
        }

        raw.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = 3 });
    }
}
