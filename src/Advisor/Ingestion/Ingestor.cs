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
/// One instance serves concurrent ingests (a batch): the compiled rules are shared and run one bundle at a time,
/// and each bundle's transaction runs on the thread that ingests it.
/// </summary>
public sealed class Ingestor(RuleEvaluator evaluator, AdvisorSettings settings)
{
    private readonly SeverityPolicy policy = new(settings);
    private readonly Lock rulesLock = new();

    public Ingestor(RuleSet ruleSet, AdvisorSettings settings)
        : this(new RuleEvaluator(ruleSet), settings)
    {
    }

    public RuleSet RuleSet => evaluator.RuleSet;

    public IngestOutcome Ingest(IngestRequest request, AdvisorDatabase database) =>
        Complete(BundleFactsReader.Read(request, settings), database);

    /// <summary>The second half of an ingest: run the rules over the facts and store the bundle in one transaction.</summary>
    public IngestOutcome Complete(BundleReadResult read, AdvisorDatabase database)
    {
        var timings = new Dictionary<string, TimeSpan>(read.Timings);
        var clock = Stopwatch.StartNew();
        var (contents, facts) = (read.Contents, read.Facts);

        var caseId = read.Request.CaseId ?? database.FindBundle(read.BundleId)?.CaseId;
        var analysis = Analyze(facts, CaseSuppressions(database, caseId));
        timings["rules"] = Lap(clock);

        var record = new BundleRecord
        {
            Id = read.BundleId,
            FileName = read.FileName,
            Hostname = facts.Hostname.IsPresent ? facts.Hostname.Value : "",
            KernelRelease = facts.Kernel.Release.IsPresent ? facts.Kernel.Release.Value : "",
            CaseId = caseId,
            IngestedAt = DateTime.UtcNow,
            Format = contents.Format.ToName(),
            Decoder = contents.Decoder,
            EntryCount = contents.EntryCount,
            CapturedCount = contents.CapturedFiles.Count,
            TruncationReason = contents.TruncationReason,
            ChecksumMismatch = contents.ChecksumMismatch,
            Warnings = contents.Warnings,
        };
        database.SaveIngest(record, contents, facts, analysis);
        timings["store"] = Lap(clock);
        return new IngestOutcome(record, contents, facts, analysis, timings);
    }

    /// <summary>Runs the rules and applies the configured severities, the configured suppressions and the case's own.</summary>
    public AnalysisResult Analyze(HostFacts facts, IReadOnlyList<Suppression>? caseSuppressions = null)
    {
        lock (rulesLock)
        {
            var analysis = evaluator.Evaluate(facts);
            policy.Apply(analysis, caseSuppressions);
            return analysis;
        }
    }

    /// <summary>Re-runs the rules on a stored bundle's facts (no bundle needed) and stores the new analysis beside the old.</summary>
    public AnalysisResult Reanalyze(BundleRecord bundle, AdvisorDatabase database)
    {
        var facts = database.LoadFacts(bundle.Id) ?? throw new DatabaseException($"{database.Path}: bundle {bundle.ShortId} has no stored facts");
        var analysis = Analyze(facts, CaseSuppressions(database, bundle.CaseId));
        database.SaveAnalysis(bundle.Id, analysis);
        return analysis;
    }

    public static IReadOnlyList<Suppression> CaseSuppressions(AdvisorDatabase database, string? caseId) =>
        database.SuppressionsOfCase(caseId)
            .Select(s => new Suppression { Id = s.RuleId, Instance = s.Instance, Justification = $"{s.Justification} ({s.Who}, {s.When:yyyy-MM-dd})" })
            .ToList();

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
