namespace Advisor.Bundles;

/// <summary>
/// The stream's very first block is not a tar header: a single compressed file (<c>xz messages</c>) rather than a
/// compressed tar, or a plain tar damaged at its start.
/// </summary>
internal sealed class NotATarException(string message) : FormatException(message);
