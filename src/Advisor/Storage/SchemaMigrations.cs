using System.Text.Json;
using Advisor.Diagnostics;
using Advisor.Facts;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Advisor.Storage;

/// <summary>
/// Forward migrations, one per schema version step, run inside one transaction when an older database is opened.
/// Version 1: bundles, files, documents (entries, facts, analyses). Version 2: bundles carry finding counts
/// (backfilled from their latest analysis) and cases can hold suppressions. Version 3: facts and entry lists are
/// stored compressed (<see cref="StoredDocument.Compressed"/>) instead of as JSON text and base64 text. Version 4:
/// a bundle's captured files are one compressed document (<see cref="CapturedFilesDocument"/>) instead of a
/// document each in the <c>files</c> collection, and entry lists are coded against the previous line
/// (<see cref="EntryListDocument"/>).
/// </summary>
internal static class SchemaMigrations
{
    private static readonly Dictionary<int, Action<LiteDatabase>> Steps = new()
    {
        [1] = AddFindingCounts,
        [2] = CompressBundleDocuments,
        [3] = GroupCapturedFilesAndCodeEntryLists,
    };

    public static void Migrate(LiteDatabase db, int from, int to)
    {
        if (!db.BeginTrans()) throw new DatabaseException("a transaction is already open");
        try
        {
            for (var version = from; version < to; version++)
            {
                Steps[version](db);
            }

            db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = to });
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }

        if (db.CollectionExists("files") && db.GetCollection("files").Count() == 0) db.DropCollection("files");
    }

    private static void AddFindingCounts(LiteDatabase db)
    {
        var bundles = db.GetCollection("bundles");
        var documents = db.GetCollection<StoredDocument>("documents");
        foreach (var bundle in bundles.FindAll().ToList())
        {
            var bundleId = bundle["_id"].AsString;
            var latest = documents.Find(d => d.BundleId == bundleId && d.Kind == "analysis").OrderByDescending(d => d.CreatedAt).FirstOrDefault();
            var counts = latest is null ? new FindingCounts() : FindingCounts.Of(JsonSerializer.Deserialize<AnalysisResult>(latest.Json, FactsJson.Options) ?? new AnalysisResult());
            bundle["FindingCounts"] = BsonMapper.Global.ToDocument(counts);
            bundles.Update(bundle);
        }
    }

    private static void CompressBundleDocuments(LiteDatabase db)
    {
        var documents = db.GetCollection<StoredDocument>("documents");
        foreach (var document in documents.Find(d => d.Kind == "facts" || d.Kind == "entries").ToList())
        {
            if (document.Compressed is not null || document.Json.Length == 0) continue;

            // entry lists already were gzip-compressed lines, kept as base64 text
            document.Compressed = document.Kind == "entries"
                ? Convert.FromBase64String(document.Json)
                : CompressedText.Compress(System.Text.Encoding.UTF8.GetBytes(document.Json));
            document.Json = "";
            documents.Update(document);
        }
    }

    /// <remarks>Skips what is already in the version 4 form, so a half-converted file converts the same.</remarks>
    private static void GroupCapturedFilesAndCodeEntryLists(LiteDatabase db)
    {
        var documents = db.GetCollection<StoredDocument>("documents");
        foreach (var document in documents.Find(d => d.Kind == "entries").ToList())
        {
            if (document.Compressed is null) continue;
            var lines = System.Text.Encoding.UTF8.GetString(CompressedText.Decompress(document.Compressed)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            // version 3 lines are "path\tsize"; version 4 lines "shared\tsuffix\tsize"
            if (lines.Length == 0 || lines[0].Split('\t').Length != 2) continue;
            document.Compressed = EntryListDocument.FromLines(lines);
            documents.Update(document);
        }

        var files = db.GetCollection("files");
        foreach (var bundle in db.GetCollection("bundles").FindAll().Select(b => b["_id"].AsString).ToList())
        {
            if (documents.FindById($"{bundle}:files") is not null) continue;
            var captured = files.Find(Query.EQ("BundleId", bundle))
                .Select(f => new Bundles.CapturedFile(f["Path"].AsString ?? "", f["Text"].AsString ?? "", f["Size"].AsInt64, f["Truncated"].AsBoolean))
                .ToList();
            documents.Insert(new StoredDocument
            {
                Id = $"{bundle}:files",
                BundleId = bundle,
                Kind = "files",
                CreatedAt = DateTime.UtcNow,
                Compressed = CapturedFilesDocument.Compress(captured),
            });
        }

        // LiteDB drops a collection only outside a transaction: emptied here, dropped once committed
        files.DeleteAll();
    }
}
