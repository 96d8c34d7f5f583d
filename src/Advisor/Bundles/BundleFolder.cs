namespace Advisor.Bundles;

/// <summary>What a folder of bundles holds: the bundles, and every other entry with why it is not one.</summary>
public sealed record BundleFolder(IReadOnlyList<string> Bundles, IReadOnlyList<SkippedEntry> Skipped);

/// <summary>An entry of a folder of bundles that is not a bundle; <see cref="Reason"/> says why (<c>empty file</c>).</summary>
public sealed record SkippedEntry(string Path, string Reason);
