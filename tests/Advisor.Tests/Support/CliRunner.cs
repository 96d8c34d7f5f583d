using Advisor.Cli;

namespace Advisor.Tests.Support;

/// <summary>Runs the real <c>advisor</c> command line in-process, capturing standard output and error.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = AdvisorApp.Run(args, new CliConsole(output, error, workingDirectory, errorIsTerminal: false));
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
