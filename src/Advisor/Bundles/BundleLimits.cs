namespace Advisor.Bundles;

/// <summary>Caps that keep a hostile or huge bundle from exhausting memory.</summary>
public sealed class BundleLimits
{
    /// <summary>Bytes kept of any one captured file; the rest is skipped and the file marked truncated.</summary>
    public long MaxCapturedBytesPerFile { get; set; } = 16 * 1024 * 1024;
}
