using System.Diagnostics;

namespace Advisor.Tests.Support;

/// <summary>Runs the built <c>advisor</c> as a real child process (for kill and concurrency tests).</summary>
public static class AdvisorProcess
{
    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Advisor.Cli.dll");

    public static Process Start(string workingDirectory, params string[] args) =>
        Launch(workingDirectory, DotnetHost(), [CliAssembly, .. args]);

    /// <summary>
    /// Runs advisor as root without the capabilities that let root read and enter anything
    /// (<c>setpriv --bounding-set -dac_override,-dac_read_search</c>), so file permissions apply to it as to any user.
    /// </summary>
    public static CliRunner.Result RunAsRootBoundByPermissions(string workingDirectory, params string[] args) =>
        Wait(Launch(workingDirectory, "setpriv", ["--bounding-set", "-dac_override,-dac_read_search", DotnetHost(), CliAssembly, .. args]), args);

    public static CliRunner.Result Run(string workingDirectory, params string[] args) => Wait(Start(workingDirectory, args), args);

    /// <summary>Runs advisor with <paramref name="inputFile"/>'s bytes written to its standard input (a pipe), as <c>cat file | advisor …</c> does.</summary>
    public static CliRunner.Result RunWithInput(string workingDirectory, string inputFile, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [CliAssembly, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var feeding = Task.Run(() =>
        {
            using var input = File.OpenRead(inputFile);
            input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        });
        var result = Wait(process, args);
        feeding.Wait();
        return result;
    }

    /// <summary>
    /// Runs any program to its end (killed after <paramref name="timeout"/>), its output captured;
    /// <paramref name="prepare"/> may change how it starts (its environment).
    /// </summary>
    public static CliRunner.Result RunProgram(string workingDirectory, string program, string[] arguments, TimeSpan timeout, Action<ProcessStartInfo>? prepare = null) =>
        Wait(Launch(workingDirectory, program, arguments, prepare), $"{program} {string.Join(' ', arguments)}", timeout);

    private static Process Launch(string workingDirectory, string program, string[] arguments, Action<ProcessStartInfo>? prepare = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        prepare?.Invoke(start);
        return Process.Start(start)!;
    }

    private static CliRunner.Result Wait(Process started, string[] args) => Wait(started, $"advisor {string.Join(' ', args)}", TimeSpan.FromMinutes(3));

    private static CliRunner.Result Wait(Process started, string commandLine, TimeSpan timeout)
    {
        using var process = started;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish in {timeout.TotalMinutes} minutes");
        }

        return new CliRunner.Result(process.ExitCode, output.Result, error.Result);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
