using System.Diagnostics;
using Advisor.Configuration;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Storage;

namespace Advisor.Ingestion;

/// <summary>
/// The pipeline: read the bundle once, build facts, run the rules, store everything in one transaction.
/// One instance serves concurrent ingests (a batch): the compiled rules are shared and run one bundle at a time,
/// and each bundle's transaction runs on the thread that ingests it.
/// </summary>
public sealed class Ingestor(RuleSet ruleSet, AdvisorSettings settings)
{
    private readonly RuleEvaluator evaluator = new(ruleSet);
    private readonly SeverityPolicy policy = new(settings);
    private readonly Lock rulesLock = new();

    public RuleSet RuleSet => ruleSet;

    public IngestOutcome Ingest(IngestRequest request, AdvisorDatabase database) =>
        Complete(BundleFactsReader.Read(request, settings), database);

    /// <summary>The second half of an ingest: run the rules over the facts and store the bundle in one transaction.</summary>
    public IngestOutcome Complete(BundleReadResult read, AdvisorDatabase database)
    {
        var timings = new Dictionary<string, TimeSpan>(read.Timings);
        var clock = Stopwatch.StartNew();
        var (contents, facts) = (read.Contents, read.Facts);

        var analysis = Analyze(facts);
        timings["rules"] = Lap(clock);

        var record = new BundleRecord
        {
            Id = read.BundleId,
            FileName = Path.GetFileName(Path.TrimEndingDirectorySeparator(read.Request.BundlePath)),
            Hostname = facts.Hostname.IsPresent ? facts.Hostname.Value : "",
            KernelRelease = facts.Kernel.Release.IsPresent ? facts.Kernel.Release.Value : "",
            CaseId = read.Request.CaseId ?? database.FindBundle(read.BundleId)?.CaseId,
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

    /// <summary>Compiles every rule by running the rules once over a made-up host (<see cref="RuleWarmUp"/>); the result is dropped.</summary>
    public void CompileRules() => Analyze(RuleWarmUp.Facts());

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
