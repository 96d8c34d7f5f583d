using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Storage;

/// <summary>Several advisor processes on one database file: every bundle lands, nothing is corrupted.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Four_ingest_processes_into_one_database_all_land_and_the_database_checks_clean()
    {
        var bundles = Enumerable.Range(0, 4)
            .Select(i => SosFixtures.UbuntuNvmeSnapshotHost($"4.4.0-{1080 + i}-aws").WriteTarXz(temp.Combine($"host{i}.tar.xz")))
            .ToList();

        var processes = bundles.Select(b => AdvisorProcess.Start(temp.FullPath, "ingest", b, "--db", temp.DatabasePath, "--output", b + ".md")).ToList();
        var results = processes.Select(p =>
        {
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, error);
        }).ToList();

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.error));
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(4, db.ListBundles().Count);
        Assert.Equal(
            ["4.4.0-1080-aws", "4.4.0-1081-aws", "4.4.0-1082-aws", "4.4.0-1083-aws"],
            db.ListBundles().Select(b => b.KernelRelease).Order());
        Assert.Empty(db.Check());
        Assert.All(bundles, b => Assert.Contains("ADV0001", File.ReadAllText(b + ".md")));
    }

    [Fact]
    public void A_lock_file_that_cannot_be_created_fails_at_once_instead_of_waiting_for_another_process()
    {
        // the lock file's place is a link into a folder that does not exist: creating it fails with "not found"
        File.CreateSymbolicLink(temp.DatabasePath + ".lock", temp.Combine("no-such-folder", "x.lock"));
        var waits = new List<string>();

        var error = Assert.Throws<DatabaseException>(() => DatabaseLock.Acquire(temp.DatabasePath, TimeSpan.FromMinutes(1), waits.Add));

        Assert.Empty(waits);
        Assert.StartsWith($"{temp.DatabasePath}.lock: cannot create the lock file (", error.Message);
    }

    [Fact]
    public void A_second_process_waits_for_the_first_and_says_why()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("host.tar.xz"));
        CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath);
        var result = default(CliRunner.Result);
        using (AdvisorDatabase.Open(temp.DatabasePath))
        {
            var waiting = Task.Run(() => AdvisorProcess.Run(temp.FullPath, "list", "--db", temp.DatabasePath));
            Thread.Sleep(TimeSpan.FromSeconds(3));
            Assert.False(waiting.IsCompleted, "the second process did not wait for the lock");
            // leaving the using block releases the database; the waiting process then completes
            result = null!;
            _ = waiting.ContinueWith(t => result = t.Result);
        }

        SpinWait.SpinUntil(() => result is not null, TimeSpan.FromMinutes(1));
        Assert.NotNull(result);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is in use by another advisor process; waiting", result.Error);
        Assert.Contains("ip-10-0-0-12", result.Out);
    }

    [Fact]
    public void Closing_a_database_twice_closes_it_once_and_frees_it_for_the_next_opener()
    {
        var db = AdvisorDatabase.Open(temp.DatabasePath);
        db.Dispose();
        var second = Record.Exception(db.Dispose);

        Assert.Null(second);
        using var reopened = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Equal(AdvisorDatabase.SchemaVersion, reopened.StoredSchemaVersion);
        Assert.Empty(reopened.Check());
    }
}
