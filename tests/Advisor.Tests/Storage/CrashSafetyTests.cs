using System.Diagnostics;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Storage;

/// <summary>An ingest killed with SIGKILL at any moment leaves the database whole: earlier bundles intact, no half bundle.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A bundle with thousands of captured sysfs files, so the database write itself takes a while.</summary>
    private string LargeBundle()
    {
        var builder = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1090-aws");
        for (var i = 0; i < 1500; i++)
        {
            builder.File($"sys/block/sd{i}/queue/nomerges", "0\n")
                .File($"sys/block/sd{i}/queue/rotational", "1\n")
                .File($"sys/block/sd{i}/queue/scheduler", "noop [deadline] cfq\n");
        }

        return builder.WriteTarXz(temp.Combine("large.tar.xz"));
    }

    [Fact]
    public void Killing_ingest_at_20_random_moments_never_damages_the_database()
    {
        var earlier = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("earlier.tar.xz"));
        Assert.Equal(0, CliRunner.Run(temp.FullPath, "ingest", earlier, "--db", temp.DatabasePath).ExitCode);
        string earlierId;
        using (var db = AdvisorDatabase.Open(temp.DatabasePath))
        {
            earlierId = Assert.Single(db.ListBundles()).Id;
        }

        var large = LargeBundle();
        var clock = Stopwatch.StartNew();
        var full = AdvisorProcess.Run(temp.FullPath, "ingest", large, "--db", temp.Combine("timing.db"), "--output", temp.Combine("timing.md"));
        var fullRun = clock.Elapsed;
        Assert.Equal(0, full.ExitCode);
        int wholeDevices, wholeFiles;
        using (var complete = AdvisorDatabase.Open(temp.Combine("timing.db")))
        {
            var id = Assert.Single(complete.ListBundles()).Id;
            wholeDevices = complete.LoadFacts(id)!.BlockDevices.Count;
            wholeFiles = complete.LoadFiles(id).Count;
        }

        Assert.True(wholeDevices > 1500);

        var random = new Random(20261123);
        var killedWhileRunning = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)(fullRun.TotalMilliseconds * 0.8)));
            using var process = AdvisorProcess.Start(temp.FullPath, "ingest", large, "--db", temp.DatabasePath, "--output", temp.Combine("large.md"));
            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true);
                killedWhileRunning++;
            }

            process.WaitForExit();

            using var db = AdvisorDatabase.Open(temp.DatabasePath);
            Assert.Empty(db.Check());
            Assert.Equal("4.4.0-1087-aws", db.LoadFacts(earlierId)!.Kernel.Release.Value);
            Assert.NotNull(db.LoadLatestAnalysis(earlierId));
            foreach (var bundle in db.ListBundles().Where(b => b.Id != earlierId))
            {
                // if the large bundle is visible at all, it is whole
                Assert.Equal(wholeDevices, db.LoadFacts(bundle.Id)!.BlockDevices.Count);
                Assert.Equal(wholeFiles, db.LoadFiles(bundle.Id).Count);
            }
        }

        // timing on a shared machine varies; the test means something as long as a good share of kills hit a live ingest
        Assert.True(killedWhileRunning >= 6, $"only {killedWhileRunning} of 20 kills hit a running ingest");
    }
}
