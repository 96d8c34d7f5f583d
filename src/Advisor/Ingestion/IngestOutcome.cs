using Advisor.Bundles;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Storage;

namespace Advisor.Ingestion;

/// <summary>What an ingest produced: the stored record, the facts, the analysis and how long each stage took.</summary>
public sealed record IngestOutcome(
    BundleRecord Bundle,
    BundleContents Contents,
    HostFacts Facts,
    AnalysisResult Analysis,
    IReadOnlyDictionary<string, TimeSpan> Timings);
