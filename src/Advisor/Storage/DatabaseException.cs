namespace Advisor.Storage;

/// <summary>The database file cannot be used (not an Advisor database, from a newer Advisor, locked, unreadable).</summary>
public sealed class DatabaseException(string message, Exception? inner = null) : Exception(message, inner);
