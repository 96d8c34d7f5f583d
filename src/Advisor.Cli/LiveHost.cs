using System.Diagnostics;
using Advisor.Bundles;
using Advisor.Collection;
using Advisor.Configuration;
using Advisor.Ingestion;

namespace Advisor.Cli;

/// <summary>
/// The machine Advisor runs on, as <c>ingest --live</c> and <c>collect</c> read it: the real root <c>/</c> and real
/// processes. The reader itself takes both as parameters (tests give it a fake root and fake commands).
/// </summary>
public static class LiveHost
{
    public static string DisplayName => $"live:{Environment.MachineName}";

    public static LiveSystemReader CreateReader(bool withIostat, BundleLimits limits) =>
        new("/", new ProcessCommandRunner(), LiveCommandTable.Default(withIostat), limits);

    /// <summary>Reads this machine and builds its facts, as <see cref="BundleFactsReader.Read"/> does for a bundle file.</summary>
    public static BundleReadResult Read(bool withIostat, string? caseId, AdvisorSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = CreateReader(withIostat, settings.Limits).Read();
        var contents = snapshot.ToContents();
        return BundleFactsReader.FromContents(new IngestRequest(snapshot.DisplayName, caseId), contents.ContentHash(), contents, clock.Elapsed);
    }
}
