namespace Advisor.Reporting.Charts;

/// <summary>
/// What the request-size chart draws: the average request size iostat measured on each layer of one storage
/// stack, top layer first (e.g. the dm snapshot, then its COW volume, then the NVMe namespace below).
/// </summary>
public sealed record RequestSizeChart(string Title, IReadOnlyList<RequestSizeBar> Layers);

/// <summary>One layer: the device name and its average request size in KiB (iostat avgrq-sz / 2, or rareq-sz).</summary>
public sealed record RequestSizeBar(string Layer, double AverageRequestKiB);
