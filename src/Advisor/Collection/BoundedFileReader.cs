using System.Collections.Concurrent;
using Advisor.Bundles;

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

    /// <param name="Content">The bytes kept, the file's start; null when it could not be read, or when it is a <paramref name="Window"/>.</param>
    /// <param name="Window">A log longer than the cap read with <c>keepEnd</c>: its start and its end, each line with its number in the file.</param>
    public sealed record Result(byte[]? Content, bool Truncated, string? Error, bool PermissionDenied = false, bool TimedOut = false, LogWindow? Window = null);

    public Result Read(string fullPath) => Read(fullPath, maxBytes);

    /// <summary>
    /// Reads with a cap of its own (a log file may keep more than a sysfs attribute). A file longer than the cap keeps
    /// its start, or with <paramref name="keepEnd"/> (a log, newest lines last) its start and its end as the bundle
    /// reader keeps such a log (<see cref="LogWindow"/>), read to its end for the line numbers.
    /// </summary>
    public Result Read(string fullPath, long cap, bool keepEnd = false)
    {
        worker ??= new Worker();
        var request = new Request(fullPath, cap, keepEnd, new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously));
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

    private sealed record Request(string Path, long Cap, bool KeepEnd, TaskCompletionSource<Result> Done);

    private sealed class Worker
    {
        public BlockingCollection<Request> Queue { get; } = [];

        public Worker()
        {
            var thread = new Thread(() =>
            {
                foreach (var request in Queue.GetConsumingEnumerable())
                {
                    request.Done.TrySetResult(ReadCapped(request.Path, request.Cap, request.KeepEnd));
                }
            })
            {
                IsBackground = true,
                Name = "advisor live file reader",
            };
            thread.Start();
        }
    }

    private static Result ReadCapped(string fullPath, long cap, bool keepEnd)
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
            var buffer = new byte[16 * 1024];
            if (keepEnd && stream.Length > cap)
            {
                return ReadStartAndEnd(stream, (int)Math.Min(cap, Array.MaxLength), buffer);
            }

            var kept = new MemoryStream();
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

    /// <summary>A log longer than the cap, up to the length it had when opened (one that grows meanwhile stops there).</summary>
    private static Result ReadStartAndEnd(FileStream stream, int cap, byte[] buffer)
    {
        var window = new LogWindow(stream.Length, cap);
        window.ReadFrom(stream, buffer);
        return new Result(Content: null, Truncated: true, Error: null, Window: window);
    }
}
