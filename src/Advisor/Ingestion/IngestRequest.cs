namespace Advisor.Ingestion;

public sealed record IngestRequest(string BundlePath, string? CaseId = null);
