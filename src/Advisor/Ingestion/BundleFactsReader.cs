using System.Diagnostics;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Facts;

namespace Advisor.Ingestion;

/// <summary>The first half of an ingest: read the bundle once and build its facts. Safe to run for several bundles at once.</summary>
public static class BundleFactsReader
{
    /// <exception cref="BundleReadException">Nothing usable could be read.</exception>
    public static BundleReadResult Read(IngestRequest request, AdvisorSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var reader = new BundleReader(HostFactsBuilder.Wanted, settings.Limits) { Progress = request.Progress };
        var contents = reader.Read(request.BundlePath, out var bundleId);
        return FromContents(request, bundleId, contents, clock.Elapsed);
    }

    /// <summary>
    /// Reads every bundle of the request's file, in one pass (<see cref="BundleReader.ReadEach"/>: the file itself,
    /// or each node of a <c>sos collect</c> archive), and hands each with its facts to <paramref name="onEach"/> as
    /// soon as it is read. Returns the warnings about the file as a whole when it held several bundles.
    /// </summary>
    /// <exception cref="BundleReadException">Nothing usable could be read.</exception>
    public static IReadOnlyList<string> ReadEach(IngestRequest request, AdvisorSettings settings, Action<BundleReadResult> onEach)
    {
        var reader = new BundleReader(HostFactsBuilder.Wanted, settings.Limits) { Progress = request.Progress };
        return reader.ReadEach(request.BundlePath, bundle =>
            onEach(FromContents(request, bundle.BundleId, bundle.Contents, bundle.ReadTime) with { OneOfSeveral = bundle.OneOfSeveral }));
    }

    /// <summary>
    /// Builds the facts of contents read elsewhere (a live host: <see cref="Collection.LiveSnapshot.ToContents"/>);
    /// <paramref name="readTime"/> is how long that read took.
    /// </summary>
    public static BundleReadResult FromContents(IngestRequest request, string bundleId, BundleContents contents, TimeSpan readTime)
    {
        var clock = Stopwatch.StartNew();
        var facts = HostFactsBuilder.Build(contents);
        var timings = new Dictionary<string, TimeSpan> { ["read"] = readTime, ["facts"] = clock.Elapsed };
        return new BundleReadResult(request, bundleId, contents, facts, timings);
    }
}
