using Advisor.Configuration;

namespace Advisor.Bundles;

/// <summary>
/// Caps that keep a hostile or huge bundle from exhausting memory, disk or time; bound from <c>Limits:</c> in
/// <c>advisor.json</c> or <c>ADVISOR_Limits__…</c>. Exceeding one of the first three stops the read cleanly: what
/// was read is analysed and the bundle records why the read stopped, as for a truncated archive.
/// </summary>
public sealed class BundleLimits
{
    /// <summary>Uncompressed bytes read from one bundle (tar headers and data, counted after the decompressor): 64 GiB.</summary>
    public long MaxUncompressedBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Entries read from one bundle, members of nested tars included: 2,000,000.</summary>
    public long MaxEntries { get; set; } = 2_000_000;

    /// <summary>Wall-clock time spent reading one bundle: 30 minutes (<c>"00:30:00"</c> in configuration).</summary>
    public TimeSpan MaxReadTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Bytes kept of any one captured file; the rest is skipped and the file marked truncated.</summary>
    public long MaxCapturedBytesPerFile { get; set; } = 16 * 1024 * 1024;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first limit that is not positive.</summary>
    public void Validate()
    {
        if (MaxUncompressedBytes <= 0) throw Invalid(nameof(MaxUncompressedBytes), MaxUncompressedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (MaxEntries <= 0) throw Invalid(nameof(MaxEntries), MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (MaxReadTime <= TimeSpan.Zero) throw Invalid(nameof(MaxReadTime), MaxReadTime.ToString());
        if (MaxCapturedBytesPerFile <= 0) throw Invalid(nameof(MaxCapturedBytesPerFile), MaxCapturedBytesPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ConfigurationException Invalid(string name, string value) =>
        new($"Limits:{name} = {value}: must be greater than zero");
}
