using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.EndToEnd;

/// <summary>
/// A bundle without dmesg output whose kern.log is longer than the capture cap (sos keeps up to 25 MiB of a log):
/// the hung task at its end, the newest line, is found, and the evidence names its true line.
/// </summary>
public sealed class LongKernelLogTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_hung_task_at_the_end_of_a_20_MiB_kern_log_is_found_at_its_line()
    {
        const int lines = 200_000;
        var log = new System.Text.StringBuilder();
        for (var i = 1; i < lines; i++)
        {
            log.Append(System.Globalization.CultureInfo.InvariantCulture, $"Dec  3 10:{i / 3600 % 60:00}:{i % 60:00} db01 kernel: [{i,9}.000000] eth0: NIC Link is Up 10 Gbps, flow control rx/tx {i}\n");
        }

        log.Append("Dec  3 11:00:00 db01 kernel: [200000.000000] INFO: task kworker/1:2:345 blocked for more than 120 seconds.\n");
        var bundle = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux db01 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("var/log/kern.log", log.ToString())
            .WriteTarGz(temp.Combine("db01.tar.gz"));
        Assert.True(log.Length > 17 * 1024 * 1024, "the log must be longer than the 16 MiB capture cap");

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--audience", "engineer");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADV0018", result.Out);
        Assert.Contains($"var/log/kern.log:{lines}: Dec  3 11:00:00 db01 kernel: [200000.000000] INFO: task kworker/1:2:345 blocked for more than 120 seconds.", result.Out);
        Assert.Contains("var/log/kern.log (", result.Out);
        Assert.Contains("were not read", result.Out);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var stored = db.LoadFiles(db.ListBundles().Single().Id).Single(f => f.Path == "var/log/kern.log");
        Assert.Matches(@"\n\[advisor: \d+ lines \(\d+ bytes\) not captured here\]\n", stored.Text);
        Assert.EndsWith("blocked for more than 120 seconds.\n", stored.Text);
    }
}
