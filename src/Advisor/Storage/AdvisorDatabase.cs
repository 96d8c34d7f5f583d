using System.Text.Json;
using Advisor.Bundles;
using Advisor.Diagnostics;
using Advisor.Facts;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Advisor.Storage;

/// <summary>
/// The LiteDB file: bundles, their captured files and entry lists, facts and analyses. A bundle and everything
/// derived from it is written in one transaction, so an interrupted ingest leaves nothing half-written.
/// </summary>
public sealed class AdvisorDatabase : IDisposable
{
    public const int SchemaVersion = 4;
    private const string FactsKind = "facts";
    private const string AnalysisKind = "analysis";
    private const string EntriesKind = "entries";
    private const string FilesKind = "files";

    private readonly LiteDatabase db;
    private readonly DatabaseFiles files;
    private readonly DatabaseLock fileLock;
    private bool disposed;

    private AdvisorDatabase(LiteDatabase db, DatabaseFiles files, DatabaseLock fileLock, string path)
    {
        this.db = db;
        this.files = files;
        this.fileLock = fileLock;
        Path = path;
    }

    public string Path { get; }

    private ILiteCollection<BundleRecord> Bundles => db.GetCollection<BundleRecord>("bundles");
    private ILiteCollection<StoredDocument> Documents => db.GetCollection<StoredDocument>("documents");
    private ILiteCollection<CaseSuppression> Suppressions => db.GetCollection<CaseSuppression>("suppressions");

    /// <param name="onWait">Told, once, when another process holds the database and this one waits.</param>
    public static AdvisorDatabase Open(string path, Action<string>? onWait = null)
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseException($"{path}: cannot create the database folder ({e.Message})", e);
        }

        var fileLock = DatabaseLock.Acquire(path, DatabaseLock.DefaultTimeout, onWait);
        try
        {
            return OpenLocked(path, fileLock);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    private static AdvisorDatabase OpenLocked(string path, DatabaseLock fileLock)
    {
        RefuseForeignFile(path);
        DatabaseFiles? files = null;
        LiteDatabase? db = null;
        void Close()
        {
            db?.Dispose();
            files?.Dispose();
        }

        try
        {
            files = DatabaseFiles.Open(path);
            db = new LiteDatabase(files.Data, logStream: files.Log);
            PrepareSchema(db, path);
            var database = new AdvisorDatabase(db, files, fileLock, path);
            database.EnsureIndexes();
            files.SyncLog();
            return database;
        }
        catch (Exception e) when (e is LiteException or ArgumentException or InvalidCastException)
        {
            Close();
            throw new DatabaseException($"{path}: not an Advisor database or damaged ({e.Message})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Close();
            throw new DatabaseException($"{path}: cannot open ({e.Message})", e);
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <summary>Stamps a new file with the schema version, migrates an older one, refuses a newer or foreign one.</summary>
    private static void PrepareSchema(LiteDatabase db, string path)
    {
        var meta = db.GetCollection("meta");
        var schema = meta.FindById("schema");
        if (schema is null)
        {
            if (db.GetCollectionNames().Any(name => name != "meta"))
            {
                throw new DatabaseException($"{path}: a LiteDB file, but not an Advisor database (it has no Advisor schema record); it was left unchanged");
            }

            meta.Upsert(new BsonDocument { ["_id"] = "schema", ["version"] = SchemaVersion });
            return;
        }

        var version = schema["version"].AsInt32;
        if (version > SchemaVersion)
        {
            throw new DatabaseException($"{path}: written by a newer Advisor (schema {version}, this one reads up to {SchemaVersion})");
        }

        if (version < SchemaVersion)
        {
            SchemaMigrations.Migrate(db, version, SchemaVersion);
        }
    }

    /// <summary>The schema version recorded in the file.</summary>
    public int StoredSchemaVersion => db.GetCollection("meta").FindById("schema")?["version"].AsInt32 ?? 0;

    /// <summary>
    /// LiteDB rewrites a file it does not recognise; so an existing non-empty file must carry LiteDB's header
    /// text before it is opened, or it is left untouched.
    /// </summary>
    private static void RefuseForeignFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) return;
        var header = new byte[64];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseException($"{path}: cannot open ({e.Message})", e);
        }

        if (read < 60 || !header.AsSpan(32, 27).SequenceEqual("** This is a LiteDB file **"u8))
        {
            throw new DatabaseException($"{path}: not an Advisor database (the file exists but is not a LiteDB file; it was left unchanged)");
        }
    }

    private void EnsureIndexes()
    {
        Documents.EnsureIndex(d => d.BundleId);
        Bundles.EnsureIndex(b => b.CaseId);
    }

    /// <summary>Stores a bundle with its files, entry list, facts and analysis in one transaction, replacing an earlier ingest of the same bundle.</summary>
    public void SaveIngest(BundleRecord bundle, BundleContents contents, HostFacts facts, AnalysisResult analysis)
    {
        // compressed before the transaction: bundles of a batch store into one file, and a transaction holds the
        // collections it writes until it commits, so only the writing itself is one bundle at a time
        var now = DateTime.UtcNow;
        var documents = new[]
        {
            BundleDocument(bundle.Id, FilesKind, now, CapturedFilesDocument.Compress(contents.CapturedFiles)),
            BundleDocument(bundle.Id, EntriesKind, now, EntryListDocument.Compress(contents)),
            BundleDocument(bundle.Id, FactsKind, now, CompressedText.CompressJson(facts, FactsWriteContext.Default.HostFacts)),
            AnalysisDocument(bundle.Id, analysis, now),
        };
        bundle.FindingCounts = FindingCounts.Of(analysis);
        if (!db.BeginTrans())
        {
            throw new DatabaseException($"{Path}: a transaction is already open");
        }

        try
        {
            Documents.DeleteMany(d => d.BundleId == bundle.Id);
            Bundles.Upsert(bundle);
            Documents.InsertBulk(documents);
            db.Commit();
            files.SyncLog();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Stores a re-analysis of a stored bundle. Earlier analyses are kept (findings record the rule set that made
    /// them); an analysis by the same rule-set version replaces its predecessor.
    /// </summary>
    public void SaveAnalysis(string bundleId, AnalysisResult analysis)
    {
        var bundle = FindBundle(bundleId) ?? throw new DatabaseException($"{Path}: no bundle {bundleId}");
        if (!db.BeginTrans()) throw new DatabaseException($"{Path}: a transaction is already open");
        try
        {
            Documents.Upsert(AnalysisDocument(bundleId, analysis, DateTime.UtcNow));
            bundle.FindingCounts = FindingCounts.Of(analysis);
            Bundles.Update(bundle);
            db.Commit();
            files.SyncLog();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    private static StoredDocument BundleDocument(string bundleId, string kind, DateTime at, byte[] compressed) =>
        new() { Id = $"{bundleId}:{kind}", BundleId = bundleId, Kind = kind, CreatedAt = at, Compressed = compressed };

    private static StoredDocument AnalysisDocument(string bundleId, AnalysisResult analysis, DateTime at) => new()
    {
        Id = $"{bundleId}:{AnalysisKind}:{analysis.RuleSetVersion}",
        BundleId = bundleId,
        Kind = AnalysisKind,
        CreatedAt = at,
        RuleSetVersion = analysis.RuleSetVersion,
        Json = JsonSerializer.Serialize(analysis, FactsWriteContext.Default.AnalysisResult),
    };

    /// <summary>Every analysis of a bundle, oldest first.</summary>
    public IReadOnlyList<(string RuleSetVersion, DateTime At, AnalysisResult Analysis)> ListAnalyses(string bundleId) =>
        Documents.Find(d => d.BundleId == bundleId && d.Kind == AnalysisKind)
            .OrderBy(d => d.CreatedAt)
            .Select(d => (d.RuleSetVersion, d.CreatedAt, JsonSerializer.Deserialize<AnalysisResult>(d.Json, FactsJson.Options)!))
            .ToList();

    public IReadOnlyList<BundleRecord> ListBundles() => Bundles.FindAll().OrderBy(b => b.IngestedAt).ThenBy(b => b.Id).ToList();

    public IReadOnlyList<BundleRecord> BundlesOfCase(string caseId) =>
        Bundles.Find(b => b.CaseId == caseId).OrderBy(b => b.IngestedAt).ThenBy(b => b.Id).ToList();

    /// <summary>Bundles whose id starts with <paramref name="prefix"/> (ids are lower-case hex), like git's short ids.</summary>
    public IReadOnlyList<BundleRecord> FindBundlesByPrefix(string prefix)
    {
        var lower = prefix.Trim().ToLowerInvariant();
        return lower.Length == 0 ? [] : Bundles.Find(b => b.Id.StartsWith(lower)).ToList();
    }

    public void AddSuppression(CaseSuppression suppression)
    {
        Suppressions.Insert(suppression);
        files.SyncLog();
    }

    public IReadOnlyList<CaseSuppression> SuppressionsOfCase(string? caseId) =>
        caseId is null ? [] : Suppressions.Find(s => s.CaseId == caseId).OrderBy(s => s.Id).ToList();

    /// <summary>Problems in the stored data: bundles missing their facts, analyses or entry list, and records whose bundle is gone.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var bundleIds = Bundles.FindAll().Select(b => b.Id).ToHashSet();
        foreach (var id in bundleIds)
        {
            if (Documents.FindById($"{id}:{FactsKind}") is null) problems.Add($"bundle {id[..12]}: no facts");
            if (Documents.FindById($"{id}:{EntriesKind}") is null) problems.Add($"bundle {id[..12]}: no entry list");
            if (Documents.FindById($"{id}:{FilesKind}") is null) problems.Add($"bundle {id[..12]}: no captured files");
            if (!Documents.Exists(d => d.BundleId == id && d.Kind == AnalysisKind)) problems.Add($"bundle {id[..12]}: no analysis");
        }

        foreach (var orphan in Documents.FindAll().Where(d => !bundleIds.Contains(d.BundleId)))
        {
            problems.Add($"{orphan.Kind} document {orphan.Id}: its bundle is not in the database");
        }

        return problems;
    }

    public BundleRecord? FindBundle(string id) => Bundles.FindById(id);

    public HostFacts? LoadFacts(string bundleId) =>
        Documents.FindById($"{bundleId}:{FactsKind}") is { Compressed: { } compressed } ? FactsJson.Deserialize(CompressedText.Decompress(compressed)) : null;

    public AnalysisResult? LoadLatestAnalysis(string bundleId) =>
        Documents.Find(d => d.BundleId == bundleId && d.Kind == AnalysisKind).OrderByDescending(d => d.CreatedAt).FirstOrDefault() is { } doc
            ? JsonSerializer.Deserialize<AnalysisResult>(doc.Json, FactsJson.Options)
            : null;

    public IReadOnlyList<StoredFile> LoadFiles(string bundleId) =>
        Documents.FindById($"{bundleId}:{FilesKind}") is { Compressed: { } compressed } ? CapturedFilesDocument.Decompress(bundleId, compressed) : [];

    /// <summary>Every entry name and size the bundle listed, as <c>path\tsize</c> lines.</summary>
    public IReadOnlyList<string> LoadEntryNames(string bundleId) =>
        Documents.FindById($"{bundleId}:{EntriesKind}") is { Compressed: { } compressed } ? EntryListDocument.Decompress(compressed) : [];

    /// <summary>Checkpoints and closes the files, then releases the lock; a second call does nothing.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        db.Dispose();
        files.Dispose();
        fileLock.Dispose();
    }
}
