namespace Advisor.Storage;

/// <summary>
/// One writer per database file across processes: an exclusive lock on <c>&lt;db&gt;.lock</c> (flock on Linux),
/// held while the database is open. A second <c>advisor</c> waits, says why, and gives up after a timeout
/// instead of touching the file. Within one process, share one <see cref="AdvisorDatabase"/>.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream stream;

    private DatabaseLock(FileStream stream) => this.stream = stream;

    /// <summary>How long to wait for another process before failing.</summary>
    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public static DatabaseLock Acquire(string databasePath, TimeSpan timeout, Action<string>? onWait)
    {
        var lockPath = databasePath + ".lock";
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new DatabaseLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException e) when (HeldByAnotherProcess(e, lockPath) && DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    onWait?.Invoke($"{databasePath} is in use by another advisor process; waiting up to {timeout.TotalSeconds:0} s for it");
                    told = true;
                }

                Thread.Sleep(100);
            }
            catch (IOException e) when (HeldByAnotherProcess(e, lockPath))
            {
                throw new DatabaseException($"{databasePath}: still in use by another advisor process after {timeout.TotalSeconds:0} s; try again when it has finished", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DatabaseException($"{lockPath}: cannot create the lock file ({e.Message})", e);
            }
        }
    }

    /// <summary>
    /// The lock file is there and only the exclusive lock failed: another process holds it. Any other failure
    /// (a missing folder, a read-only or full file system) is an error to report now, not a reason to wait.
    /// </summary>
    private static bool HeldByAnotherProcess(IOException e, string lockPath) =>
        e.GetType() == typeof(IOException) && File.Exists(lockPath);

    public void Dispose() => stream.Dispose();
}
