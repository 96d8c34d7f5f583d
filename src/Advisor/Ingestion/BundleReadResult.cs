using Advisor.Bundles;
using Advisor.Facts;

namespace Advisor.Ingestion;

/// <summary>
/// A bundle read and turned into facts, before the rules run and anything is stored: the part of an ingest that
/// needs no knowledge base, so it can run while the rules are still loading.
/// </summary>
/// <param name="OneOfSeveral">
/// The request's file held several bundles (a <c>sos collect</c> archive) and this is the one in the archive
/// <see cref="BundleContents.WrappedArchive"/> at its root.
/// </param>
public sealed record BundleReadResult(
    IngestRequest Request,
    string BundleId,
    BundleContents Contents,
    HostFacts Facts,
    IReadOnlyDictionary<string, TimeSpan> Timings,
    bool OneOfSeveral = false)
{
    /// <summary>The file name the bundle is stored under: the archive's, or the node's in an archive of several.</summary>
    public string FileName => OneOfSeveral && Contents.WrappedArchive is { } node
        ? Path.GetFileName(node)
        : Path.GetFileName(Path.TrimEndingDirectorySeparator(Request.BundlePath));
}
