namespace Advisor.Bundles;

/// <summary>
/// A bundle went past one of the <see cref="BundleLimits"/>: the read stops where it is and what was read is
/// analysed. The message names the limit and its configuration key.
/// </summary>
internal sealed class BundleLimitExceededException(string message) : Exception(message);
