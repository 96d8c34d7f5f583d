using System.Diagnostics;
using Advisor.Rules;

namespace Advisor.Cli;

/// <summary>
/// Finds the shipped rules, kb articles and schema next to the program (builds, publishes and the .NET tool), and
/// compiles them ahead for <c>ingest</c>.
/// </summary>
public static class KnowledgeLocation
{
    private static Task<(RuleEvaluator Rules, TimeSpan Elapsed)>? precompiled;

    public static string ShippedRoot => AppContext.BaseDirectory;

    public static RuleSet LoadShipped() => RuleSet.LoadFrom(ShippedRoot);

    /// <summary>
    /// Starts loading and compiling the shipped rules on a spare thread. <c>ingest</c> calls it first thing, so the
    /// work overlaps the command line's parsing and the configuration's loading, when the second processor is idle.
    /// </summary>
    public static void StartCompiling() => precompiled ??= Compile();

    /// <summary>
    /// The shipped rules compiled (<see cref="RuleEvaluator.FindCompileErrors"/> run once), with the time that took:
    /// those <see cref="StartCompiling"/> began, the first time they are asked for (later callers get their own),
    /// else compiled from now. The task fails with what loading throws.
    /// </summary>
    public static Task<(RuleEvaluator Rules, TimeSpan Elapsed)> TakeCompiled() => Interlocked.Exchange(ref precompiled, null) ?? Compile();

    /// <summary>On a thread of its own, so the thread pool's threads stay free for reading bundles.</summary>
    private static Task<(RuleEvaluator, TimeSpan)> Compile() =>
        Task.Factory.StartNew(CompileShipped, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static (RuleEvaluator, TimeSpan) CompileShipped()
    {
        var clock = Stopwatch.StartNew();
        var rules = new RuleEvaluator(LoadShipped());
        rules.FindCompileErrors();
        return (rules, clock.Elapsed);
    }
}
