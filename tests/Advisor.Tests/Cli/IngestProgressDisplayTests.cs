using Advisor.Bundles;
using Advisor.Cli;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

public sealed class IngestProgressDisplayTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Runs_the_work_to_its_end_while_the_reader_fills_the_counters_it_polls()
    {
        var path = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("sosreport-progress.tar.xz"));
        // a StringWriter is no live terminal: Spectre renders nothing, but the display's loop and the work run as on one
        var console = new CliConsole(new StringWriter(), new StringWriter(), temp.FullPath, errorIsTerminal: true);
        var progress = new BundleReadProgress();
        BundleContents? contents = null;

        IngestProgressDisplay.Run(console, [(path, progress)], () =>
        {
            Thread.Sleep(250);
            contents = new BundleReader(new WantedPaths(["**/*"]), new BundleLimits()) { Progress = progress }.Read(path, out _);
        });

        Assert.NotNull(contents);
        Assert.True(progress.Finished);
        Assert.Equal(new FileInfo(path).Length, progress.InputLength);
        Assert.Equal(progress.InputLength, progress.InputBytesRead);
        Assert.True(progress.EntriesSeen >= contents!.Entries.Count);
    }
}
