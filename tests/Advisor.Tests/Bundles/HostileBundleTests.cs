using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// The hostile-bundle corpus (<see cref="HostileBundles"/>), each case built fresh: after one good bundle is
/// ingested, the hostile one goes into the same database. Every case must end with its documented exit code
/// (0 = read, fully or in part, and analysed; 3 = nothing usable), one-line messages naming the bundle and no
/// stack trace, nothing written outside the temp folder, and the database whole with the good bundle in it.
/// </summary>
public sealed class HostileBundleTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Cases => new(HostileBundles.All.Select(c => c.Name));

    /// <summary>The representative cases also run as a real child process: no crash of the real program.</summary>
    public static TheoryData<string> ProcessCases => new("path-traversal", "gzip-bomb", "bitflipped-bz2", "long-path", "not-an-archive", "control-and-invalid-utf8-names");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_bundle_gets_its_documented_exit_code_and_one_clear_message_and_harms_nothing(string name) =>
        Check(HostileBundles.Named(name), (folder, args) => CliRunner.Run(folder, args));

    [Theory]
    [MemberData(nameof(ProcessCases))]
    public void A_hostile_bundle_does_not_crash_the_real_program(string name) =>
        Check(HostileBundles.Named(name), AdvisorProcess.Run);

    private void Check(HostileBundles.Case hostile, Func<string, string[], CliRunner.Result> advisor)
    {
        // everything happens in <temp>/work; <temp> itself holds nothing else, so anything beside work is an escape
        var work = temp.Combine("work");
        var bundles = Path.Combine(work, "bundles");
        Directory.CreateDirectory(bundles);
        var database = Path.Combine(work, "advisor.db");
        var good = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(Path.Combine(bundles, "good.tar.gz"));
        var first = advisor(work, ["ingest", good, "--db", database]);
        Assert.Equal(0, first.ExitCode);
        string goodId;
        using (var db = AdvisorDatabase.Open(database))
        {
            goodId = Assert.Single(db.ListBundles()).Id;
        }

        var bundle = hostile.Build(bundles);
        if (hostile.Settings is not null) File.WriteAllText(Path.Combine(work, "advisor.json"), hostile.Settings);
        var before = Snapshot(temp.FullPath);
        var currentBefore = Snapshot(Directory.GetCurrentDirectory(), recursive: false);

        var result = advisor(work, ["ingest", bundle, "--db", database]);

        // the documented exit code, and one-line messages
        Assert.True(hostile.ExitCodes.Contains(result.ExitCode), $"{hostile.Name}: exit code {result.ExitCode}, expected {string.Join(" or ", hostile.ExitCodes)} ({hostile.Why})\n{result.Error}");
        Assert.Contains(hostile.Expected, result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("   at ", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.StartsWith("advisor: ", line));
        Assert.DoesNotContain("internal error", result.Error);
        if (result.ExitCode == 3)
        {
            var line = Assert.Single(lines);
            Assert.StartsWith("advisor: error: ", line);
            Assert.Contains(bundle, line);
            Assert.Empty(result.Out);
        }
        else
        {
            // every warning and the summary name the bundle
            Assert.All(lines, line => Assert.StartsWith($"advisor: {(line.StartsWith("advisor: warning: ", StringComparison.Ordinal) ? "warning: " : "")}{bundle}: ", line));
            Assert.Contains("# ", result.Out);
        }

        // nothing was created outside the database: the temp folder holds what it held, and no escaped file exists
        Assert.Equal(before, Snapshot(temp.FullPath));
        var currentAfter = Snapshot(Directory.GetCurrentDirectory(), recursive: false);
        Assert.DoesNotContain(currentAfter.Except(currentBefore), n => n is "x" or "etc" || n.StartsWith("bad-", StringComparison.Ordinal) || n.StartsWith("evil", StringComparison.Ordinal));
        foreach (var folder in new[] { bundles, work, temp.FullPath, Path.GetDirectoryName(temp.FullPath)!, Directory.GetCurrentDirectory() })
        {
            Assert.False(File.Exists(Path.Combine(folder, "x")), $"{folder}/x exists");
            Assert.False(File.Exists(Path.Combine(folder, "etc", "x")), $"{folder}/etc/x exists");
        }

        Assert.False(File.Exists("/etc/x"));

        // the database opens, is whole, and still holds the good bundle (and the hostile one when it was read)
        using (var db = AdvisorDatabase.Open(database))
        {
            Assert.Empty(db.Check());
            Assert.Equal("4.4.0-1087-aws", db.LoadFacts(goodId)!.Kernel.Release.Value);
            Assert.NotNull(db.LoadLatestAnalysis(goodId));
            Assert.Equal(result.ExitCode == 3 ? 1 : 2, db.ListBundles().Count);
        }

        // and the stored bundles list and report like any others
        var list = advisor(work, ["list", "--db", database]);
        Assert.True(list.ExitCode == 0, list.Error);
        if (result.ExitCode != 3)
        {
            string storedId;
            using (var db = AdvisorDatabase.Open(database))
            {
                storedId = db.ListBundles().Single(b => b.Id != goodId).Id;
            }

            var report = advisor(work, ["report", storedId, "--db", database, "--audience", "engineer"]);
            Assert.True(report.ExitCode == 0, report.Error);
            Assert.Contains("# ", report.Out);
        }
    }

    /// <summary>Every file and folder under <paramref name="root"/>, as relative paths, sorted.</summary>
    private static List<string> Snapshot(string root, bool recursive = true) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0 })
            .Select(p => Path.GetRelativePath(root, p))
            .Order(StringComparer.Ordinal)
            .ToList();
}
