namespace Advisor.Bundles;

/// <summary>The bundle could not be read at all (not an archive, unreadable file): nothing usable came out.</summary>
public sealed class BundleReadException(string message, Exception? inner = null) : Exception(message, inner);
