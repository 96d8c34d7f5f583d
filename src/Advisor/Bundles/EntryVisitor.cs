namespace Advisor.Bundles;

/// <summary>Called once per listed entry with its path (valid only during the call) and size.</summary>
public delegate void EntryVisitor(ReadOnlySpan<char> path, BundleEntryKind kind, long size);
