using Advisor.Bundles;
using Advisor.Cli;
using Advisor.Tests.Support;
using Spectre.Console.Testing;

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

    [Fact]
    public void On_a_terminal_each_bundle_shows_its_bytes_read_of_its_length_and_the_entries_seen()
    {
        var path = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("sosreport-progress.tar.xz"));
        var terminal = new TestConsole().Interactive().Width(160);
        var console = new CliConsole(new StringWriter(), new StringWriter(), temp.FullPath, errorIsTerminal: true, terminal);
        var progress = new BundleReadProgress();
        var lengthInKib = new FileInfo(path).Length / 1024.0;

        IngestProgressDisplay.Run(console, [(path, progress)], () =>
            new BundleReader(new WantedPaths(["**/*"]), new BundleLimits()) { Progress = progress }.Read(path, out _));

        var lastLine = terminal.Lines.Last(line => line.Contains("sosreport-progress.tar.xz", StringComparison.Ordinal));
        Assert.Contains($"sosreport-progress.tar.xz: {progress.EntriesSeen:N0} entries", lastLine);
        Assert.Contains("100%", lastLine);
        Assert.Contains($"{lengthInKib:0.0} KiB", lastLine);
    }

    [Fact]
    public void Entries_keep_counting_after_the_whole_file_has_been_read_into_the_decoder()
    {
        // a small bundle, or the end of a big one, is all read into the decompressor's buffers while its entries
        // are still being walked: the bar is full, and the entry count must still move to its final value
        var path = temp.Combine("sosreport-buffered.tar.xz");
        File.WriteAllBytes(path, new byte[4096]);
        var terminal = new TestConsole().Interactive().Width(160);
        var console = new CliConsole(new StringWriter(), new StringWriter(), temp.FullPath, errorIsTerminal: true, terminal);
        var progress = new BundleReadProgress();

        IngestProgressDisplay.Run(console, [(path, progress)], () =>
        {
            using var input = new HashingReadStream(File.OpenRead(path));
            progress.Start(input, input.Length);
            input.CopyTo(Stream.Null);
            Thread.Sleep(300);
            for (var i = 0; i < 7; i++) progress.EntrySeen();
            progress.Finish();
        });

        var lastLine = terminal.Lines.Last(line => line.Contains("sosreport-buffered.tar.xz", StringComparison.Ordinal));
        Assert.Contains("sosreport-buffered.tar.xz: 7 entries", lastLine);
    }

    [Fact]
    public void A_pipe_shows_the_bytes_read_without_a_percentage_and_a_folder_shows_no_size()
    {
        var pipeBytes = temp.Combine("piped.tar.xz");
        File.WriteAllBytes(pipeBytes, new byte[4096]);
        var folder = SosFixtures.UbuntuNvmeSnapshotHost().WriteUnpacked(temp.FullPath);
        var terminal = new TestConsole().Interactive().Width(160);
        var console = new CliConsole(new StringWriter(), new StringWriter(), temp.FullPath, errorIsTerminal: true, terminal);
        var pipe = new BundleReadProgress();
        var unpacked = new BundleReadProgress();

        IngestProgressDisplay.Run(console, [("/dev/stdin", pipe), (folder, unpacked)], () =>
        {
            using (var input = new HashingReadStream(File.OpenRead(pipeBytes)))
            {
                pipe.Start(input, 0);
                input.CopyTo(Stream.Null);
                pipe.Finish();
            }

            new BundleReader(new WantedPaths(["**/*"]), new BundleLimits()) { Progress = unpacked }.Read(folder, out _);
        });

        var pipeLine = terminal.Lines.Last(line => line.Contains("stdin:", StringComparison.Ordinal));
        Assert.Contains("4.0 KiB", pipeLine);
        Assert.DoesNotContain("%", pipeLine);
        var folderLine = terminal.Lines.Last(line => line.Contains(Path.GetFileName(folder) + ":", StringComparison.Ordinal));
        Assert.DoesNotContain("byte", folderLine);
        Assert.DoesNotContain("%", folderLine);
    }
}
