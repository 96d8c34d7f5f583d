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
/// stored compressed (<see cref="StoredDocument.Compressed"/>) instead of as JSON text and base64 text.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly Dictionary<int, Action<LiteDatabase>> Steps = new()
    {
        [1] = AddFindingCounts,
        [2] = CompressBundleDocuments,
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
}
