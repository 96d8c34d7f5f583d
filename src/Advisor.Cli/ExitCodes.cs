namespace Advisor.Cli;

/// <summary>The documented exit codes, as a compiler's: CI and scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Done; no finding at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtThreshold = 1;

    /// <summary>Usage, configuration, knowledge base or database error.</summary>
    public const int UsageError = 2;

    /// <summary>The bundle could not be read at all.</summary>
    public const int UnreadableBundle = 3;

    /// <summary>A bug in Advisor: an unexpected exception.</summary>
    public const int InternalError = 4;
}
