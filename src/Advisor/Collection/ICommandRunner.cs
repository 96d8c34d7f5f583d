namespace Advisor.Collection;

/// <summary>Runs one command for the live reader; tests pass a fake, the CLI <see cref="ProcessCommandRunner"/>.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="argv"/> (no shell) and returns how it ended: never throws for a missing program (127) or
    /// a timeout (124, the process tree killed).
    /// </summary>
    CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, long maxOutputBytes);
}
