namespace Advisor.Collection;

/// <summary>How one command run ended, with what it printed (each stream capped).</summary>
/// <param name="ExitCode">The exit code; 127 when the program was not found, 126 when it may not be executed, 124 when it timed out (as sos records them).</param>
/// <param name="Output">Standard output, at most the cap.</param>
/// <param name="Error">Standard error, at most the cap.</param>
/// <param name="OutputTruncated">Standard output was longer than the cap; the rest was discarded.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record CommandResult(int ExitCode, byte[] Output, byte[] Error, bool OutputTruncated, TimeSpan Elapsed)
{
    public const int NotFoundExitCode = 127;
    public const int TimedOutExitCode = 124;

    /// <summary>Found but not executable (permission denied), as a shell reports it.</summary>
    public const int CannotExecuteExitCode = 126;

    public bool NotFound => ExitCode == NotFoundExitCode;
    public bool TimedOut => ExitCode == TimedOutExitCode;

    public static CommandResult ProgramNotFound() => new(NotFoundExitCode, [], [], false, TimeSpan.Zero);
}
