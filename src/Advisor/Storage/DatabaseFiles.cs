namespace Advisor.Storage;

/// <summary>
/// The data file and the write-ahead log file (<c>name-log.ext</c>, LiteDB's own naming) of a database, opened
/// by Advisor and handed to LiteDB as streams. LiteDB, opening files itself, forces the log to disk after every
/// 8 KB page it writes (a bundle is ~700 pages: 0.2–0.4 s of fsync per ingest); here the log is forced to disk
/// once per transaction (<see cref="SyncLog"/>), and the data file whenever LiteDB flushes it, which it does when
/// it copies the log into the data file (a checkpoint).
/// </summary>
internal sealed class DatabaseFiles : IDisposable
{
    private readonly FileStream data;
    private readonly string logPath;

    private DatabaseFiles(FileStream data, FileStream log, string logPath)
    {
        this.data = data;
        Log = log;
        this.logPath = logPath;
        Data = new SyncOnFlushStream(data);
    }

    /// <summary>The data file; a flush by LiteDB forces it to disk.</summary>
    public Stream Data { get; }

    /// <summary>The log file; LiteDB's flushes only reach the operating system.</summary>
    public FileStream Log { get; }

    public static DatabaseFiles Open(string path)
    {
        var logPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $"{Path.GetFileNameWithoutExtension(path)}-log{Path.GetExtension(path)}");
        var data = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.RandomAccess);
        try
        {
            return new DatabaseFiles(data, new FileStream(logPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.RandomAccess), logPath);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Forces what LiteDB wrote to the log to disk: call after each commit.</summary>
    public void SyncLog() => Log.Flush(flushToDisk: true);

    /// <summary>Closes both files (after LiteDB has been disposed, which checkpoints) and removes an empty log, as LiteDB does.</summary>
    public void Dispose()
    {
        var logIsEmpty = Log.Length == 0;
        Log.Flush(flushToDisk: true);
        Log.Dispose();
        data.Flush(flushToDisk: true);
        data.Dispose();
        if (logIsEmpty)
        {
            File.Delete(logPath);
        }
    }

    /// <summary>A file stream whose <see cref="Flush()"/> reaches the disk.</summary>
    private sealed class SyncOnFlushStream(FileStream file) : Stream
    {
        public override bool CanRead => file.CanRead;
        public override bool CanSeek => file.CanSeek;
        public override bool CanWrite => file.CanWrite;
        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override void Flush() => file.Flush(flushToDisk: true);
        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
        public override void SetLength(long value) => file.SetLength(value);
        public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);
    }
}
