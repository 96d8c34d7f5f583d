using System.Diagnostics;

namespace Advisor.Tests.Support;

/// <summary>Runs the built <c>advisor</c> as a real child process (for kill and concurrency tests).</summary>
public static class AdvisorProcess
{
    private static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "Advisor.Cli.dll");

    public static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [CliAssembly, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    public static CliRunner.Result Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"advisor {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new CliRunner.Result(process.ExitCode, output.Result, error.Result);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
