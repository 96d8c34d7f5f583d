using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class IostatParserTests : IDisposable
{
    /// <summary>
    /// sysstat 12.x <c>iostat -x 5 2</c> as its manual documents the columns (written for this test): an NVMe device
    /// and the COW LV at 8 sectors (4 KiB) per request, the snapshot device at 512 KiB, as in the founding incident.
    /// </summary>
    internal const string Sysstat12Sample = """
        Linux 4.4.0-1087-aws (ip-10-0-0-12) 	07/01/2019 	_x86_64_	(8 CPU)

        avg-cpu:  %user   %nice %system %iowait  %steal   %idle
                   0.50    0.00    1.20    8.30    0.00   90.00

        Device            r/s     rkB/s   rrqm/s  %rrqm r_await rareq-sz     w/s     wkB/s   wrqm/s  %wrqm w_await wareq-sz     d/s     dkB/s   drqm/s  %drqm d_await dareq-sz     f/s f_await  aqu-sz  %util
        nvme1n1        120.00    480.00     0.00   0.00    0.30     4.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00    0.00    0.04   3.60
        dm-3             0.50    256.00     0.00   0.00    1.00   512.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00    0.00    0.00   0.05

        avg-cpu:  %user   %nice %system %iowait  %steal   %idle
                   0.40    0.00    6.10   80.20    0.00   13.30

        Device            r/s     rkB/s   rrqm/s  %rrqm r_await rareq-sz     w/s     wkB/s   wrqm/s  %wrqm w_await wareq-sz     d/s     dkB/s   drqm/s  %drqm d_await dareq-sz     f/s f_await  aqu-sz  %util
        nvme1n1       3000.00  12000.00     0.00   0.00    0.33     4.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00    0.00    1.00 100.00
        dm-2          3000.00  12000.00     0.00   0.00    0.33     4.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00    0.00    1.00 100.00
        dm-3            23.40  11980.80     0.00   0.00   42.70   512.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00      0.00     0.00   0.00    0.00     0.00    0.00    0.00    1.00 100.00

        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Sysstat_10_avgrq_sz_in_sectors_becomes_KiB()
    {
        var records = IostatParser.Parse(RealCaptures.Sample("jc/centos-7.7/iostat-x.out")).Value!;

        Assert.Equal(["sda", "dm-0", "dm-1"], records.Select(r => r.Device));
        var sda = records[0];
        Assert.Equal("sysstat10", sda.Layout);
        Assert.Equal(52.53 / 2, sda.AverageRequestKiB);
        Assert.Equal(0.13, sda.ReadsPerSecond);
        Assert.Equal(5.27, sda.ReadKiBPerSecond);
        Assert.Equal(0.00, sda.AverageQueueSize);
        Assert.Equal(0.52, sda.ServiceTime);
        Assert.Equal(0.88, sda.Await);
        Assert.Equal(0.01, sda.Utilization);
        Assert.Equal(7, sda.Source.Line);
        Assert.Equal(1, sda.Report);
    }

    [Fact]
    public void Sysstat_11_rareq_and_wareq_are_weighted_by_rate()
    {
        var records = IostatParser.Parse(RealCaptures.Sample("jc/ubuntu-18.04/iostat-x.out")).Value!;

        var sda = records.Single(r => r.Device == "sda");
        Assert.Equal("sysstat11", sda.Layout);
        Assert.Equal(67.19, sda.AverageReadRequestKiB);
        Assert.Equal(185.52, sda.AverageWriteRequestKiB);
        Assert.Equal(107.92, sda.AverageRequestKiB);
        Assert.Equal(0.79, sda.AverageQueueSize);
        Assert.Equal(4.07, sda.Await);
        Assert.Equal(15.14, sda.Utilization);
        Assert.Equal(16, sda.Source.Line);
        Assert.Equal(3.27, records.Single(r => r.Device == "loop0").AverageRequestKiB);
    }

    [Fact]
    public void Sysstat_12_every_report_is_kept()
    {
        var records = IostatParser.Parse(new TextLines("iostat", Sysstat12Sample)).Value!;

        Assert.Equal(5, records.Count);
        Assert.Equal([1, 1, 2, 2, 2], records.Select(r => r.Report));
        var nvme = records.Single(r => r.Report == 2 && r.Device == "nvme1n1");
        Assert.Equal(4.0, nvme.AverageRequestKiB);
        Assert.Equal(3000.0, nvme.ReadsPerSecond);
        Assert.Equal(100.0, nvme.Utilization);
        Assert.Equal(1.0, nvme.AverageQueueSize);
        Assert.Null(nvme.ServiceTime);
        Assert.Equal(512.0, records.Single(r => r.Report == 2 && r.Device == "dm-3").AverageRequestKiB);
    }

    [Fact]
    public void An_iostat_capture_anywhere_under_sos_commands_is_found_by_content()
    {
        var bundle = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 4.4.0-1087-aws #1 SMP x86_64 GNU/Linux\n")
            .File("sos_commands/block/iostat_-x_5_2", Sysstat12Sample)
            .WriteTarGz(temp.Combine("iostat.tar.gz"));

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(bundle, out _));

        Assert.Equal("sos_commands/block/iostat_-x_5_2", facts.Iostat.SourceFile.Value);
        Assert.Equal(2, facts.Iostat.Reports);
        Assert.Equal(["nvme1n1", "dm-2", "dm-3"], facts.Iostat.LastReport.Select(r => r.Device));
        Assert.Equal(2, facts.Iostat.ForDevice("nvme1n1").Count);
    }

    [Theory]
    [InlineData("jc/centos-7.7/iostat.out")]
    [InlineData("jc/ubuntu-18.04/iostat.out")]
    public void Plain_iostat_without_x_is_not_taken_for_extended_statistics(string sample)
    {
        var lines = RealCaptures.Sample(sample);

        Assert.False(IostatParser.LooksLikeIostat(lines));
        Assert.Contains("no 'Device … r/s' header", IostatParser.Parse(lines).UnusableReason);
    }

    [Fact]
    public void Odd_inputs()
    {
        Assert.False(IostatParser.Parse(new TextLines("iostat", "")).IsUsable);
        Assert.False(IostatParser.Parse(new TextLines("iostat", "bash: iostat: command not found\n")).IsUsable);
        Assert.False(IostatParser.Parse(new TextLines("iostat", "Linux 5.4\n\navg-cpu: %user\n")).IsUsable);
        var truncated = IostatParser.Parse(new TextLines("iostat", "Device r/s w/s rkB/s wkB/s new-col %util\r\nsda 1,50 0,00 6,00 0,00 9 1,00\r\nsdb 2.0"));
        var rows = truncated.Value!;
        Assert.Equal(1.5, rows[0].ReadsPerSecond);
        Assert.Equal(4.0, rows[0].AverageRequestKiB);
        Assert.Equal(2.0, rows[1].ReadsPerSecond);
        Assert.Null(rows[1].Utilization);
    }
}
