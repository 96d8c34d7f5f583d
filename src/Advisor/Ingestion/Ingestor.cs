using System.Diagnostics;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Storage;

namespace Advisor.Ingestion;

/// <summary>
/// The pipeline: read the bundle once, build facts, run the rules, store everything in one transaction.
/// One instance serves concurrent ingests (a batch): reading and facts run in parallel, the compiled rules
/// are shared and run one bundle at a time, and each bundle's transaction runs on its own thread.
/// </summary>
public sealed class Ingestor(RuleSet ruleSet, AdvisorSettings settings)
{
    private readonly RuleEvaluator evaluator = new(ruleSet);
    private readonly SeverityPolicy policy = new(settings);
    private readonly WantedPaths wanted = new(HostFactsBuilder.WantedGlobs);
    private readonly Lock rulesLock = new();

    public IngestOutcome Ingest(IngestRequest request, AdvisorDatabase database)
    {
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();

        var reader = new BundleReader(wanted, settings.Limits) { Progress = request.Progress };
        var contents = reader.Read(request.BundlePath, out var bundleId);
        timings["read"] = Lap(clock);

        var facts = HostFactsBuilder.Build(contents);
        timings["facts"] = Lap(clock);

        var analysis = Analyze(facts);
        timings["rules"] = Lap(clock);

        var record = new BundleRecord
        {
            Id = bundleId,
            FileName = Path.GetFileName(Path.TrimEndingDirectorySeparator(request.BundlePath)),
            Hostname = facts.Hostname.IsPresent ? facts.Hostname.Value : "",
            KernelRelease = facts.Kernel.Release.IsPresent ? facts.Kernel.Release.Value : "",
            CaseId = request.CaseId ?? database.FindBundle(bundleId)?.CaseId,
            IngestedAt = DateTime.UtcNow,
            Format = contents.Format.ToString().ToLowerInvariant(),
            Decoder = contents.Decoder,
            EntryCount = contents.Entries.Count,
            CapturedCount = contents.CapturedFiles.Count,
            TruncationReason = contents.TruncationReason,
            Warnings = contents.Warnings,
        };
        database.SaveIngest(record, contents, facts, analysis);
        timings["store"] = Lap(clock);
        return new IngestOutcome(record, contents, facts, analysis, timings);
    }

    /// <summary>Runs the rules and applies the configured severities and suppressions.</summary>
    public AnalysisResult Analyze(HostFacts facts)
    {
        lock (rulesLock)
        {
            var analysis = evaluator.Evaluate(facts);
            policy.Apply(analysis);
            return analysis;
        }
    }

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
