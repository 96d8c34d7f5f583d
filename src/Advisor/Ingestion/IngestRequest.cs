using Advisor.Bundles;

namespace Advisor.Ingestion;

/// <summary>One bundle to ingest.</summary>
/// <param name="BundlePath">The archive or unpacked folder.</param>
/// <param name="CaseId">Groups the bundle under a case; null keeps the case of an earlier ingest.</param>
/// <param name="Progress">Filled while the bundle is read, for a progress display; optional.</param>
public sealed record IngestRequest(string BundlePath, string? CaseId = null, BundleReadProgress? Progress = null);
