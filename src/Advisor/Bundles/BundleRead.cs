namespace Advisor.Bundles;

/// <summary>One bundle a file held, as <see cref="BundleReader.ReadEach"/> hands it on.</summary>
/// <param name="Inside">
/// The archive inside the file that was this bundle (a sosreport sent inside another archive, or a node of a
/// <c>sos collect</c> archive); null when the file itself was the bundle.
/// </param>
/// <param name="OneOfSeveral">True when the file held several bundles, each with a report of its own.</param>
/// <param name="ReadTime">How long reading this bundle took.</param>
public sealed record BundleRead(BundleContents Contents, string BundleId, string? Inside, bool OneOfSeveral, TimeSpan ReadTime);
