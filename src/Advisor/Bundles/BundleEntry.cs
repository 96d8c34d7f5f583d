namespace Advisor.Bundles;

public enum BundleEntryKind
{
    File,
    Directory,
    Symlink,
    HardLink,
    Other,
}

/// <summary>One member of a bundle as listed by the archive, with its path relative to the bundle's top folder.</summary>
public sealed record BundleEntry(string Path, BundleEntryKind Kind, long Size, string? LinkTarget = null);
