using Advisor.Cli;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

/// <summary>Ctrl-C in the middle of an ingest: the process says what it leaves, ends as SIGINT asks, and stores nothing.</summary>
public sealed class InterruptNoticeTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Sigint_while_a_bundle_is_read_says_it_was_not_stored_and_leaves_the_database_without_it()
    {
        var bundle = File.ReadAllBytes(SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("host.tar.xz")));
        var fifo = temp.Combine("upload.fifo");
        BundleBuilder.RunTool("mkfifo", [fifo]);

        using var advisor = AdvisorProcess.Start(temp.FullPath, "ingest", fifo, "--db", temp.DatabasePath, "--output", temp.Combine("r.md"));
        var error = advisor.StandardError.ReadToEndAsync();
        using (var upload = new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
            // the open returns once advisor has opened the pipe to read the bundle: it is mid-ingest from here on
            upload.Write(bundle, 0, bundle.Length / 2);
            upload.Flush();
            BundleBuilder.RunTool("kill", ["-INT", advisor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(advisor.WaitForExit(TimeSpan.FromMinutes(1)), "advisor did not end on SIGINT");
        }

        Assert.Equal(128 + 2, advisor.ExitCode);
        Assert.Contains(InterruptNotice.Text, await error);
        Assert.False(File.Exists(temp.Combine("r.md")));
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        Assert.Empty(db.ListBundles());
    }
}
