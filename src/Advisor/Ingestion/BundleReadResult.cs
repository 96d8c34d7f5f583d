using Advisor.Bundles;
using Advisor.Facts;

namespace Advisor.Ingestion;

/// <summary>
/// A bundle read and turned into facts, before the rules run and anything is stored: the part of an ingest that
/// needs no knowledge base, so it can run while the rules are still loading.
/// </summary>
public sealed record BundleReadResult(
    IngestRequest Request,
    string BundleId,
    BundleContents Contents,
    HostFacts Facts,
    IReadOnlyDictionary<string, TimeSpan> Timings);
