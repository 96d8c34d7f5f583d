using System.ComponentModel;
using System.Diagnostics;

namespace Advisor.Collection;

/// <summary>
/// Runs real processes: <see cref="ProcessStartInfo.ArgumentList"/>, never a shell string; standard input closed;
/// <c>LC_ALL=C</c> so the parsers see the English output sos records; on timeout the whole process tree is killed.
/// </summary>
public sealed class ProcessCommandRunner : ICommandRunner
{
    private const int PermissionDenied = 13;

    public CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, long maxOutputBytes)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1)) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";
        start.Environment["SYSTEMD_PAGER"] = "";
        start.Environment["SYSTEMD_COLORS"] = "0";
        start.Environment["PAGER"] = "cat";

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception(2);
        }
        catch (Win32Exception e) when (e.NativeErrorCode == PermissionDenied)
        {
            return new CommandResult(CommandResult.CannotExecuteExitCode, [], [], false, clock.Elapsed);
        }
        catch (Win32Exception)
        {
            return CommandResult.ProgramNotFound();
        }

        using (process)
        {
            process.StandardInput.Close();
            // own threads, not the thread pool: a busy pool must not delay reading the pipes
            var output = ReadOnOwnThread(process.StandardOutput.BaseStream, maxOutputBytes);
            var error = ReadOnOwnThread(process.StandardError.BaseStream, 64 * 1024);
            var exited = process.WaitForExit(timeout);
            if (!exited)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception)
                {
                    // it ended between the wait and the kill
                }

                process.WaitForExit(TimeSpan.FromSeconds(2));
            }

            // the pipes close when the process (tree) is gone; a grandchild still holding them cannot hold us for long
            var streams = Task.WhenAll(output, error);
            var (outBytes, outCut) = streams.Wait(exited ? timeout : TimeSpan.FromSeconds(2)) ? output.Result : (output.IsCompletedSuccessfully ? output.Result : ([], false));
            var (errBytes, _) = error.IsCompletedSuccessfully ? error.Result : ([], false);
            var code = exited ? process.ExitCode : CommandResult.TimedOutExitCode;
            return new CommandResult(code, outBytes, errBytes, outCut, clock.Elapsed);
        }
    }

    private static Task<(byte[] Bytes, bool Truncated)> ReadOnOwnThread(Stream stream, long cap) =>
        Task.Factory.StartNew(() => ReadCapped(stream, cap), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Keeps the first <paramref name="cap"/> bytes and drains the rest, so the process never blocks on a full pipe.</summary>
    private static (byte[] Bytes, bool Truncated) ReadCapped(Stream stream, long cap)
    {
        var kept = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var truncated = false;
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var room = (int)Math.Max(0, Math.Min(n, cap - kept.Length));
                kept.Write(buffer, 0, room);
                if (room < n) truncated = true;
            }
        }
        catch (IOException)
        {
            // the process was killed mid-write: keep what came
        }

        return (kept.ToArray(), truncated);
    }
}
