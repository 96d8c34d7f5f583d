namespace Advisor.Bundles;

/// <summary>How a command sos ran ended, from <c>sos_reports/manifest.json</c>.</summary>
public enum CommandOutcome
{
    /// <summary>Exit code 0 and the whole output kept.</summary>
    Ok,

    /// <summary>A non-zero exit code (127: not found, 124: timed out): the output file holds error text, if anything.</summary>
    Failed,

    /// <summary>Exit code 0 but sos kept only the tail of the output (its size limit).</summary>
    Truncated,
}

/// <summary>One command of the sos manifest: what ran, how it ended, and its exit code.</summary>
/// <param name="Command">The command line sos ran (<c>exec</c> in the manifest).</param>
/// <param name="Outcome">Ok, Failed or Truncated.</param>
/// <param name="ReturnCode">The exit code, when the manifest gives one.</param>
public sealed record CommandStatus(string Command, CommandOutcome Outcome, int? ReturnCode);
