using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Diagnostics;
using Advisor.Ingestion;
using Advisor.Knowledge;
using Advisor.Reporting;
using Advisor.Rules;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary>
/// <c>advisor ingest &lt;bundle&gt;…</c>: read bundles into the database, analyse them, write their reports.
/// Several bundles (or a folder of them) are read concurrently, at most one per processor, into one database;
/// one bundle failing does not stop the others, and the exit code is the worst of them. The knowledge base loads
/// while the bundles are read.
/// </summary>
public static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var bundles = new Argument<string[]>("bundle")
        {
            Description = "Sosreports: .tar, .tar.gz/.tgz, .tar.xz, .tar.bz2, .tar.zst or unpacked folders, a folder of them, a sos collect archive (each node a bundle; use --output-dir), or - (or /dev/stdin) to read one from a pipe (none with --live)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var live = new Option<bool>("--live") { Description = "Analyse the machine Advisor runs on: read /sys, /proc and /etc and run the commands sos would (read-only)" };
        var iostat = new Option<bool>("--iostat") { Description = "With --live: also sample 'iostat -x -k 5 3' (adds 15 seconds)" };
        var database = CommonOptions.Database();
        var caseId = new Option<string?>("--case") { Description = "Group the bundle under this case id (e.g. the support ticket number)", HelpName = "id" };
        var output = CommonOptions.Output();
        var outputDir = new Option<string?>("--output-dir")
        {
            Description = "Write each bundle's report into this folder, named after the bundle (required for more than one bundle)",
            HelpName = "folder",
        };
        var format = CommonOptions.Format();
        var audience = CommonOptions.Audience();
        var failOn = CommonOptions.FailOn();
        var severity = CommonOptions.SeverityOverrides();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print each bundle's decoder, entry counts and timings to standard error" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display and no warnings on standard error; errors and the summary line remain" };
        var command = new Command("ingest", "Read bundles into the database, run the knowledge base over them and write their reports")
        {
            bundles, live, iostat, database, caseId, output, outputDir, format, audience, failOn, severity, verbose, quiet,
        };

        command.SetAction(parse =>
        {
            var options = new Options(
                parse.GetValue(bundles) ?? [],
                parse.GetValue(database),
                parse.GetValue(caseId),
                parse.OutputFile(output),
                parse.GetValue(outputDir),
                parse.GetValue(format)!,
                parse.GetValue(audience),
                parse.GetValue(failOn),
                parse.GetValue(severity) ?? [],
                parse.GetValue(verbose),
                parse.GetValue(quiet),
                parse.GetValue(live),
                parse.GetValue(iostat));
            return Run(options, console);
        });
        return command;
    }

    private sealed record Options(
        string[] Bundles,
        string? Database,
        string? CaseId,
        string? Output,
        string? OutputDir,
        string Format,
        ReportAudience Audience,
        Severity FailOn,
        string[] SeverityOverrides,
        bool Verbose,
        bool Quiet,
        bool Live,
        bool Iostat);

    /// <summary>One bundle of the run: what the user called it, where it is, where its report goes.</summary>
    /// <param name="Live">Read the running system instead of a bundle file (<c>--live</c>).</param>
    private sealed record Job(string DisplayName, string FullPath, string? ReportPath, BundleReadProgress Progress, bool Live = false);

    /// <summary>How one bundle ended: its exit code and the lines for standard error.</summary>
    private sealed record JobResult(int ExitCode, IReadOnlyList<string> Lines);

    /// <summary>The ingestor with its compiled knowledge base, or why it could not be made, and how long that took.</summary>
    private sealed record Knowledge(Ingestor? Ingestor, string? Error, TimeSpan Elapsed);

    private static int Run(Options options, CliConsole console)
    {
        using var interrupt = InterruptNotice.Register(console);
        AdvisorSettings settings;
        try
        {
            settings = SettingsLoader.Load(console.WorkingDirectory, CommandLineSettings(options));
            settings.Reports.CheckedDocumentationUri();
        }
        catch (Exception e) when (e is ConfigurationException or InvalidOperationException or FormatException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        if (!TryFindJobs(options, console, out var jobs))
        {
            return ExitCodes.UsageError;
        }

        // the knowledge base has been compiling on a thread of its own since the program started (Program.cs); a job
        // waits for it and the database only once its bundle is read. One bundle: the database opens after the
        // knowledge base, on the same spare processor, so the reading keeps the other to itself. Several bundles:
        // every processor reads, and the database opens beside the knowledge base, so the scheduler can spread the
        // two over both processors instead of slowing one bundle's read by both (three interleaved comparisons: two
        // bundles together 0, 20 and 25 ms sooner)
        var databasePath = Path.GetFullPath(settings.Database.ResolvePath(), console.WorkingDirectory);
        var knowledge = KnowledgeLocation.TakeCompiled().ContinueWith(compiled => KnowledgeOf(compiled, settings), TaskScheduler.Default);
        var database = jobs.Count > 1
            ? Task.Factory.StartNew(() => OpenDatabase(databasePath, console), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : knowledge.ContinueWith(_ => OpenDatabase(databasePath, console), CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var results = new JobResult[jobs.Count];
            var showProgress = console.ErrorIsTerminal && !options.Quiet && !options.Live;
            var printLock = new Lock();
            void RunAll() => Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                results[i] = RunJob(jobs[i], options, settings, knowledge, database, console);
                if (!showProgress)
                {
                    lock (printLock) Print(results[i], console);
                }
            });

            if (showProgress)
            {
                IngestProgressDisplay.Run(console, jobs.Select(j => (j.DisplayName, j.Progress)).ToList(), RunAll);
                foreach (var result in results) Print(result, console);
            }
            else
            {
                RunAll();
            }

            if (database.Result.Error is { } databaseError)
            {
                console.Fail(databaseError);
                return ExitCodes.UsageError;
            }

            if (options.Verbose && knowledge.IsCompletedSuccessfully && knowledge.Result.Ingestor is { } ready)
            {
                console.Error.WriteLine($"advisor: knowledge base: {ready.RuleSet.Rules.Count} rule(s) loaded and compiled in {Milliseconds(knowledge.Result.Elapsed)}, while the bundles were read");
            }

            return results.Max(r => r.ExitCode);
        }
        finally
        {
            database.Result.Database?.Dispose();
        }
    }

    /// <summary>The open database, or why it could not be opened (said once, after the jobs).</summary>
    private sealed record OpenedDatabase(AdvisorDatabase? Database, string? Error);

    private static OpenedDatabase OpenDatabase(string path, CliConsole console)
    {
        try
        {
            return new OpenedDatabase(AdvisorDatabase.Open(path, console.Warn), null);
        }
        catch (DatabaseException e)
        {
            return new OpenedDatabase(null, e.Message);
        }
    }

    private static void Print(JobResult result, CliConsole console)
    {
        foreach (var line in result.Lines) console.Error.WriteLine(line);
    }

    /// <summary>The bundle argument that reads the bundle from standard input.</summary>
    private const string StandardInput = "-";

    /// <summary>Expands folders of bundles and checks the output options fit the number of bundles.</summary>
    private static bool TryFindJobs(Options options, CliConsole console, out List<Job> jobs)
    {
        jobs = [];
        // before anything is read: a report that cannot be written would come after the bundle was stored
        if (options.Output is not null && ReportOutput.FolderInstead(options.Output, console) is { } notAFile)
        {
            console.Fail($"--output {notAFile} (--output-dir <folder> writes a report per bundle into a folder)");
            return false;
        }

        if (options.Live || options.Iostat)
        {
            return TryFindLiveJob(options, console, jobs);
        }

        if (options.Bundles.Length == 0)
        {
            console.Fail("ingest needs a bundle (a sosreport archive or folder), or --live to analyse this machine");
            return false;
        }

        var found = new List<(string Display, string Full)>();
        foreach (var argument in options.Bundles)
        {
            // '-' is standard input, as for tar and xz
            var full = argument == StandardInput ? "/dev/stdin" : Path.GetFullPath(argument, console.WorkingDirectory);
            // refused before the database opens, as a usage error; the reader refuses it too, for every command
            if (BundleDiscovery.IsMachineRoot(full))
            {
                console.Fail($"{argument}: {BundleDiscovery.MachineRootIsNoBundle}");
                return false;
            }

            if (Directory.Exists(full) && !BundleDiscovery.IsUnpackedSosreport(full))
            {
                BundleFolder inside;
                try
                {
                    inside = BundleDiscovery.List(full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    console.Fail($"{argument}: cannot list the folder ({e.Message})");
                    return false;
                }

                if (inside.Bundles.Count == 0)
                {
                    console.Fail($"{argument}: neither an unpacked sosreport (no sos_commands/, sys/ or proc/) nor a folder holding bundles"
                        + (inside.Skipped.Count == 0 ? " (it is empty)" : $" ({Skipped(inside)})"));
                    return false;
                }

                if (inside.Skipped.Count > 0 && !options.Quiet)
                {
                    console.Warn($"{argument}: {Skipped(inside)}");
                }

                found.AddRange(inside.Bundles.Select(path => (Path.Join(argument, Path.GetFileName(path)), path)));
            }
            else
            {
                found.Add((argument, full));
            }
        }

        // the same bundle named twice (a.tar.xz and ./a.tar.xz, or a file and the folder that holds it) is read once
        var byBundle = found.GroupBy(f => f.Full, StringComparer.Ordinal).ToList();
        if (byBundle.Where(g => g.Count() > 1).Select(g => g.First().Display).ToList() is { Count: > 0 } twice && !options.Quiet)
        {
            console.Warn($"{string.Join(", ", twice)}: given more than once, read once");
        }

        found = byBundle.Select(g => g.First()).ToList();
        if (options.Output is not null && options.OutputDir is not null)
        {
            console.Fail("--output and --output-dir cannot be used together: --output names one report file, --output-dir a folder for one report per bundle");
            return false;
        }

        if (found.Count > 1 && options.Output is not null)
        {
            console.Fail($"--output names one report file but {found.Count} bundles were given: use --output-dir <folder>");
            return false;
        }

        if (found.Count > 1 && options.OutputDir is null)
        {
            console.Fail($"{found.Count} bundles were given: --output-dir <folder> is required to hold their reports");
            return false;
        }

        IReadOnlyList<string?> reports = found.Select(_ => options.Output).ToList();
        if (options.OutputDir is not null)
        {
            var folder = Path.GetFullPath(options.OutputDir, console.WorkingDirectory);
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Fail($"{options.OutputDir}: cannot create the report folder ({e.Message})");
                return false;
            }

            reports = ReportFileNames.For(found.Select(f => f.Full).ToList(), options.Format, options.OutputDir);
        }

        jobs = found.Select((f, i) => new Job(f.Display, f.Full, reports[i], new BundleReadProgress())).ToList();
        return true;
    }

    /// <summary>"2 entries are not bundles and were skipped: a.txt (not tar, …), b.tar.xz (empty file)", at most ten named.</summary>
    private static string Skipped(BundleFolder folder)
    {
        const int Named = 10;
        var names = folder.Skipped.Take(Named).Select(s => $"{Path.GetFileName(s.Path)} ({s.Reason})");
        var more = folder.Skipped.Count > Named ? $" and {folder.Skipped.Count - Named} more" : "";
        var count = folder.Skipped.Count == 1 ? "1 entry is not a bundle and was" : $"{folder.Skipped.Count} entries are not bundles and were";
        return $"{count} skipped: {string.Join(", ", names)}{more}";
    }

    /// <summary><c>--live</c>: no bundle argument, no <c>--output-dir</c>; one job reading this machine.</summary>
    private static bool TryFindLiveJob(Options options, CliConsole console, List<Job> jobs)
    {
        if (!options.Live)
        {
            console.Fail("--iostat samples the running system: use it with --live");
            return false;
        }

        if (options.Bundles.Length > 0)
        {
            console.Fail($"--live analyses this machine and takes no bundle, but {options.Bundles.Length} were given ('{options.Bundles[0]}')");
            return false;
        }

        if (options.OutputDir is not null)
        {
            console.Fail("--output-dir is for several bundles; --live produces one report: use --output <file>");
            return false;
        }

        jobs.Add(new Job(LiveHost.DisplayName, LiveHost.DisplayName, options.Output, new BundleReadProgress(), Live: true));
        return true;
    }

    /// <summary>
    /// The ingestor over the shipped rules <see cref="KnowledgeLocation.TakeCompiled"/> compiled while the bundles
    /// were read, or why they could not be loaded.
    /// </summary>
    private static Knowledge KnowledgeOf(Task<(RuleEvaluator Rules, TimeSpan Elapsed)> compiled, AdvisorSettings settings)
    {
        try
        {
            var (rules, elapsed) = compiled.GetAwaiter().GetResult();
            return new Knowledge(new Ingestor(rules, settings), null, elapsed);
        }
        catch (Exception e) when (e is KnowledgeBaseException or ConfigurationException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            return new Knowledge(null, e.Message, TimeSpan.Zero);
        }
    }

    private static JobResult RunJob(Job job, Options options, AdvisorSettings settings, Task<Knowledge> knowledge, Task<OpenedDatabase> database, CliConsole console)
    {
        var lines = new List<string>();
        try
        {
            if (job.Live)
            {
                BundleReadResult live;
                try
                {
                    live = LiveHost.Read(options.Iostat, options.CaseId, settings);
                }
                catch (BundleReadException e)
                {
                    return Failed(lines, ExitCodes.UnreadableBundle, e.Message);
                }

                return new JobResult(CompleteBundle(live, job, options, settings, knowledge, database, console, lines), lines);
            }

            var exitCode = ExitCodes.Success;
            IReadOnlyList<string> aboutTheFile;
            try
            {
                // a sos collect archive holds a bundle per node: each is completed as soon as it is read
                aboutTheFile = BundleFactsReader.ReadEach(
                    new IngestRequest(job.FullPath, options.CaseId, job.Progress),
                    settings,
                    read => exitCode = Math.Max(exitCode, CompleteBundle(read, job, options, settings, knowledge, database, console, lines)));
            }
            catch (BundleReadException e)
            {
                return Failed(lines, ExitCodes.UnreadableBundle, e.Message);
            }

            if (!options.Quiet)
            {
                lines.AddRange(aboutTheFile.Select(warning => $"advisor: warning: {job.DisplayName}: {warning}"));
            }

            return new JobResult(exitCode, lines);
        }
        catch (JobStoppedException stopped)
        {
            return stopped.Reason is null ? new JobResult(stopped.ExitCode, lines) : Failed(lines, stopped.ExitCode, stopped.Reason);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(lines, ExitCodes.InternalError, $"{job.DisplayName}: internal error: {e.GetType().Name}: {e.Message}. This is a bug in Advisor; please report it with the command you ran.");
        }
    }

    private static JobResult Failed(List<string> lines, int exitCode, string message)
    {
        lines.Add($"advisor: error: {message}");
        return new JobResult(exitCode, lines);
    }

    /// <summary>What ends a job before its bundles are all read: no knowledge base, no database.</summary>
    /// <param name="reason">The error line's text; null when it is said once for all jobs instead.</param>
    private sealed class JobStoppedException(int exitCode, string? reason) : Exception(reason)
    {
        public int ExitCode { get; } = exitCode;

        public string? Reason { get; } = reason;
    }

    /// <summary>
    /// The rest of one bundle's ingest once it is read: the rules, the database, its report; returns its exit code
    /// and adds its lines. A node of a sos collect archive has its report named after it in <c>--output-dir</c>.
    /// </summary>
    private static int CompleteBundle(BundleReadResult read, Job job, Options options, AdvisorSettings settings, Task<Knowledge> knowledge, Task<OpenedDatabase> database, CliConsole console, List<string> lines)
    {
        var waiting = Stopwatch.StartNew();
        knowledge.Wait();
        var knowledgeWait = waiting.Elapsed;
        if (knowledge.Result.Ingestor is not { } ingestor)
        {
            throw new JobStoppedException(ExitCodes.UsageError, knowledge.Result.Error ?? "the knowledge base could not be loaded");
        }

        if (database.Result.Database is not { } db)
        {
            // Run says why, once for all bundles
            throw new JobStoppedException(ExitCodes.UsageError, reason: null);
        }

        var displayName = read.OneOfSeveral ? $"{job.DisplayName}: {read.FileName}" : job.DisplayName;
        IngestOutcome outcome;
        try
        {
            outcome = ingestor.Complete(read, db);
        }
        catch (Exception e) when (e is DatabaseException or ConfigurationException)
        {
            throw new JobStoppedException(ExitCodes.UsageError, e.Message);
        }

        if (!options.Quiet)
        {
            lines.AddRange(BundleWarningLines.Of(displayName, outcome.Contents, "the analysis"));
        }

        var summary = $"advisor: {displayName}: {Describe(outcome)}";
        var input = new ReportInput(outcome.Bundle, outcome.Facts, outcome.Analysis, ingestor.RuleSet, DateTime.UtcNow, outcome.Timings, settings.Reports.CheckedDocumentationUri());
        var findings = input.OrderedFindings;
        var counts = $"{findings.Count} finding(s), {outcome.Analysis.NotEvaluated.Count} check(s) not evaluated";
        var reportPath = read.OneOfSeveral ? NodeReportPath(read, options) : job.ReportPath;
        if (read.OneOfSeveral && reportPath is null)
        {
            // one report file or standard output cannot hold a report per node; the bundles are stored all the same
            lines.Add($"{summary}: {counts}; stored, no report: the archive holds several sosreports, and --output-dir <folder> writes a report for each ('advisor report {outcome.Bundle.ShortId}' writes this one)");
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var report = ReportFormats.Render(options.Format, input, options.Audience);
        if (ReportOutput.TryWrite(report, reportPath, console) is { } writeError)
        {
            var id = outcome.Bundle.ShortId;
            lines.Add($"advisor: error: {writeError}; the bundle is stored as {id}: 'advisor report {id} --output <file>' writes it");
            return ExitCodes.UsageError;
        }

        var reportTime = clock.Elapsed;
        lines.Add($"{summary}: {counts}" + (reportPath is null ? "" : $"; report written to {reportPath}"));
        if (options.Verbose)
        {
            AddVerboseLines(lines, displayName, outcome, knowledgeWait, reportTime);
        }

        return options.FailOn != Severity.None && findings.Any(f => f.Severity >= options.FailOn) ? ExitCodes.FindingsAtThreshold : ExitCodes.Success;
    }

    /// <summary>Where a node's report goes: in <c>--output-dir</c>, named after the node's archive; null without it.</summary>
    private static string? NodeReportPath(BundleReadResult read, Options options) =>
        options.OutputDir is null ? null : ReportFileNames.For([read.FileName], options.Format, options.OutputDir)[0];

    private static void AddVerboseLines(List<string> lines, string displayName, IngestOutcome outcome, TimeSpan knowledgeWait, TimeSpan reportTime)
    {
        var contents = outcome.Contents;
        int Count(BundleEntryKind kind) => contents.CountOf(kind);
        lines.Add($"advisor: {displayName}: format {contents.Format.ToName()}, decoder {contents.Decoder}"
            + (contents.ChecksumCheck is { } checksum ? $", {checksum}" : ""));
        lines.Add(
            $"advisor: {displayName}: {contents.EntryCount} entries ({Count(BundleEntryKind.File)} files, {Count(BundleEntryKind.Directory)} folders, "
            + $"{Count(BundleEntryKind.Symlink) + Count(BundleEntryKind.HardLink)} links, {Count(BundleEntryKind.Other)} other), "
            + $"{contents.CapturedFiles.Count} captured, {contents.Warnings.Count} warning(s), sos manifest {(contents.HasManifest ? $"with {contents.CommandStates.Count} command(s)" : "absent")}");
        var timings = outcome.Timings.Select(t => $"{t.Key} {Milliseconds(t.Value)}")
            .Append($"report {Milliseconds(reportTime)}")
            .Append($"waiting for the knowledge base {Milliseconds(knowledgeWait)}");
        lines.Add($"advisor: {displayName}: timings: {string.Join(", ", timings)}");
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Describe(IngestOutcome outcome)
    {
        var host = outcome.Facts.Hostname.IsPresent ? outcome.Facts.Hostname.Value : "unknown host";
        var kernel = outcome.Facts.Kernel.Release.IsPresent ? outcome.Facts.Kernel.Release.Value : "unknown kernel";
        return $"{host}, {kernel}, bundle {outcome.Bundle.ShortId}";
    }

    private static Dictionary<string, string?> CommandLineSettings(Options options)
    {
        var values = new Dictionary<string, string?>();
        if (options.Database is not null) values["Database:Path"] = options.Database;
        foreach (var item in options.SeverityOverrides)
        {
            var equals = item.IndexOf('=');
            if (equals <= 0 || !SeverityNames.TryParse(item[(equals + 1)..], out _))
            {
                throw new ConfigurationException($"--severity {item}: expected <id or category>=<none|info|warning|error>");
            }

            values[$"Severity:{item[..equals]}"] = item[(equals + 1)..];
        }

        return values;
    }
}
