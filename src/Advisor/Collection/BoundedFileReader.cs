namespace Advisor.Collection;

/// <summary>
/// Reads one file of a live system read-only, at most <see cref="MaxBytes"/> of it, and gives up after
/// <see cref="Timeout"/>: some sysfs attributes block in the driver. A read that timed out is abandoned on its
/// thread-pool thread (the kernel call cannot be cancelled); the file is reported, not retried.
/// </summary>
public sealed class BoundedFileReader(long maxBytes, TimeSpan timeout)
{
    public long MaxBytes => maxBytes;
    public TimeSpan Timeout => timeout;

    public sealed record Result(byte[]? Content, bool Truncated, string? Error, bool PermissionDenied = false, bool TimedOut = false);

    public Result Read(string fullPath)
    {
        // a thread of its own, not the thread pool: a busy pool must not make a healthy file look hung
        var read = Task.Factory.StartNew(() => ReadCapped(fullPath), CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        if (!read.Wait(timeout))
        {
            return new Result(null, false, $"no answer within {timeout.TotalSeconds:0.#} s: skipped", TimedOut: true);
        }

        return read.Result;
    }

    private Result ReadCapped(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
            });
            var kept = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var room = (int)Math.Min(n, maxBytes - kept.Length);
                kept.Write(buffer, 0, room);
                if (room < n) return new Result(kept.ToArray(), true, null);
            }

            return new Result(kept.ToArray(), false, null);
        }
        catch (UnauthorizedAccessException e)
        {
            return new Result(null, false, e.Message, PermissionDenied: true);
        }
        catch (IOException e)
        {
            return new Result(null, false, e.Message);
        }
    }
}
