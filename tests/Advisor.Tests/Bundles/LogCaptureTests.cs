using System.Text;
using Advisor.Bundles;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// A log longer than the capture cap keeps its start and its end (the newest lines), each line with its number in
/// the file; any other file keeps its start. Bundles made with the system's tar and gzip.
/// </summary>
public sealed class LogCaptureTests : IDisposable
{
    private const string KernLog = "var/log/kern.log";
    private const int Lines = 2000;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Line N of the log reads "... kernel: line N of the log", so a line's text tells its true number.</summary>
    private string BundleWithLongLog() => new BundleBuilder()
        .File("sos_commands/kernel/uname_-a", "Linux testhost 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
        .File(KernLog, string.Concat(Enumerable.Range(1, Lines).Select(i => $"Dec  3 10:00:00 testhost kernel: line {i} of the log é\n")))
        .File("var/log/other.log", string.Concat(Enumerable.Range(1, Lines).Select(i => $"other line {i}\n")))
        .WriteTarWithSystemTar(temp.Combine("long-log.tar"), "gnu");

    private static BundleContents Read(string path) =>
        new BundleReader(new WantedPaths([KernLog, "var/log/other.log"]) { LogsKeptByTheirEnd = new HashSet<string> { KernLog } },
            new BundleLimits { MaxCapturedBytesPerFile = 8192 }).Read(path, out _);

    [Fact]
    public void A_log_over_the_cap_keeps_its_first_quarter_and_its_end_and_every_kept_line_its_number()
    {
        var log = Read(BundleWithLongLog()).Find(KernLog)!;

        var lines = new TextLines(log);
        var numbered = lines.Numbered().ToList();
        Assert.All(numbered, line => Assert.EndsWith($" line {line.Number} of the log é", line.Text));
        Assert.Equal(1, numbered[0].Number);
        Assert.Equal(Lines, numbered[^1].Number);
        var gap = Assert.IsType<LineGap>(log.Gap);
        Assert.InRange(Encoding.UTF8.GetByteCount(log.Text[..gap.TextOffset]), 8192 / 4 - 60, 8192 / 4);
        Assert.InRange(Encoding.UTF8.GetByteCount(log.Text[gap.TextOffset..]), 8192 * 3 / 4 - 60, 8192 * 3 / 4);
        Assert.Equal(Lines, gap.AfterLine + gap.SkippedLines + (lines.Count - gap.AfterLine));
        Assert.True(log.Truncated);
        Assert.Equal(" line 1999 of the log é", lines.EvidenceAt(1999).Text[^23..]);
        Assert.Throws<ArgumentOutOfRangeException>(() => lines[gap.AfterLine + 1]);
    }

    [Fact]
    public void Another_file_over_the_cap_keeps_its_start_only()
    {
        var other = Read(BundleWithLongLog()).Find("var/log/other.log")!;

        Assert.Null(other.Gap);
        Assert.True(other.Truncated);
        Assert.StartsWith("other line 1\n", other.Text);
        Assert.Equal(8192, other.Text.Length);
    }

    [Fact]
    public void A_log_under_the_cap_is_kept_whole_and_an_unpacked_folder_keeps_a_long_log_the_same_way()
    {
        var shortLog = new BundleBuilder().File(KernLog, "Dec  3 10:00:00 testhost kernel: one line\n").WriteTarGz(temp.Combine("short.tar.gz"));
        var folder = temp.Combine("unpacked");
        Directory.CreateDirectory(folder);
        BundleBuilder.RunTool("tar", ["-xf", BundleWithLongLog(), "-C", folder]);

        Assert.Null(Read(shortLog).Find(KernLog)!.Gap);
        Assert.Equal(Read(BundleWithLongLog()).Find(KernLog), Read(Path.Combine(folder, new BundleBuilder().TopFolder)).Find(KernLog));
    }

    [Fact]
    public void An_archive_cut_inside_the_log_keeps_the_start_read_with_true_numbers()
    {
        var whole = File.ReadAllBytes(BundleWithLongLog());
        var cut = temp.Combine("cut.tar");
        File.WriteAllBytes(cut, whole[..(whole.Length / 3)]);

        var contents = Read(cut);

        Assert.NotNull(contents.TruncationReason);
        var lines = new TextLines(contents.Find(KernLog)!);
        Assert.NotEmpty(lines.Numbered());
        Assert.All(lines.Numbered(), line => Assert.EndsWith($" line {line.Number} of the log é", line.Text));
    }
}
