using System.Collections.Concurrent;

namespace Advisor.Collection;

/// <summary>
/// Reads files of a live system read-only, at most <see cref="MaxBytes"/> of each, and gives up on one after
/// <see cref="Timeout"/>: some sysfs attributes block in the driver. Reads run on a worker thread of the reader's own
/// (not the thread pool, whose delays would make a healthy file look hung); a read that times out is abandoned with
/// its worker (the kernel call cannot be cancelled) and the next file gets a fresh worker. Dispose to end the worker.
/// </summary>
public sealed class BoundedFileReader(long maxBytes, TimeSpan timeout) : IDisposable
{
    private Worker? worker;

    public long MaxBytes => maxBytes;
    public TimeSpan Timeout => timeout;

    public sealed record Result(byte[]? Content, bool Truncated, string? Error, bool PermissionDenied = false, bool TimedOut = false);

    public Result Read(string fullPath) => Read(fullPath, maxBytes);

    /// <summary>Reads with a cap of its own (a log file may keep more than a sysfs attribute).</summary>
    public Result Read(string fullPath, long cap)
    {
        worker ??= new Worker();
        var request = new Request(fullPath, cap, new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously));
        worker.Queue.Add(request);
        if (request.Done.Task.Wait(timeout)) return request.Done.Task.Result;

        // the worker is stuck in the kernel: leave it there, the next read gets a new one
        worker.Queue.CompleteAdding();
        worker = null;
        return new Result(null, false, $"no answer within {timeout.TotalSeconds:0.#} s: skipped", TimedOut: true);
    }

    public void Dispose()
    {
        worker?.Queue.CompleteAdding();
        worker = null;
    }

    private sealed record Request(string Path, long Cap, TaskCompletionSource<Result> Done);

    private sealed class Worker
    {
        public BlockingCollection<Request> Queue { get; } = [];

        public Worker()
        {
            var thread = new Thread(() =>
            {
                foreach (var request in Queue.GetConsumingEnumerable())
                {
                    request.Done.TrySetResult(ReadCapped(request.Path, request.Cap));
                }
            })
            {
                IsBackground = true,
                Name = "advisor live file reader",
            };
            thread.Start();
        }
    }

    private static Result ReadCapped(string fullPath, long cap)
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
                var room = (int)Math.Min(n, cap - kept.Length);
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
