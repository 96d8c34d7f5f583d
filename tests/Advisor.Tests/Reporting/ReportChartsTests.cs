using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>Charts chosen from real facts: the interrupts of a NIC on the far socket, request sizes per storage layer.</summary>
public sealed class ReportChartsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_haswell_numa_case_shows_the_interrupts_per_cpu_chart_with_the_far_socket_lit()
    {
        var bundle = SosFixtures.FromRuleTestBase("haswell-ep-mlx5-far-socket").WriteTarXz(temp.Combine("stor01.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADV0004", result.Out);
        Assert.Contains("Interrupts of ens1f0 per CPU (8 IRQs)", result.Out);
        // the eight busy CPUs are all on node 0; the NIC's own node 1 is marked in the legend
        Assert.Contains("CPU 0 (NUMA node 0): 5,000,000 interrupts", result.Out);
        Assert.Contains("CPU 13 (NUMA node 0): 5,000,007 interrupts", result.Out);
        Assert.Contains("NUMA node 1 (device's node)", result.Out);
        Assert.DoesNotContain("(NUMA node 1, the device's node): 5,", result.Out);
    }

    [Fact]
    public void Request_sizes_per_layer_are_drawn_when_iostat_shows_the_stack()
    {
        var builder = SosFixtures.UbuntuNvmeSnapshotHost()
            .File("sys/devices/virtual/block/dm-3/dm/name", "data-snap\n")
            .File("sys/devices/virtual/block/dm-2/dm/name", "data-snap-cow\n")
            .Symlink("sys/devices/pci0000:00/0000:00:1f.0/nvme/nvme1/nvme1n1/holders/dm-2", "../../../../../../virtual/block/dm-2")
            .Symlink("sys/devices/virtual/block/dm-2/holders/dm-3", "../../dm-3")
            .File("sys/devices/virtual/block/dm-1/dm/name", "data-vol-real\n")
            .File("sys/devices/virtual/block/dm-1/dev", "253:1\n")
            .File("sys/devices/virtual/block/dm-2/dev", "253:2\n")
            .File("sys/devices/virtual/block/dm-3/dev", "253:3\n")
            .File("sys/devices/pci0000:00/0000:00:1f.0/nvme/nvme1/nvme1n1/dev", "259:1\n")
            .File("sos_commands/block/iostat_-x_-k_5_3", """
                Linux 4.4.0-1087-aws (ip-10-0-0-12) 	07/01/2019 	_x86_64_	(8 CPU)

                avg-cpu:  %user   %nice %system %iowait  %steal   %idle
                           0.50    0.00    1.20   45.00    0.00   53.30

                Device:         rrqm/s   wrqm/s     r/s     w/s    rkB/s    wkB/s avgrq-sz avgqu-sz   await r_await w_await  svctm  %util
                nvme1n1           0.00     0.00 3012.00    0.00 12048.00     0.00     8.00    31.00   10.29   10.29    0.00   0.33 100.00
                dm-2              0.00     0.00 3012.00    0.00 12048.00     0.00     8.00    31.00   10.29   10.29    0.00   0.33 100.00
                dm-3              0.00     0.00   23.50    0.00 12032.00     0.00   512.00     1.00   42.55   42.55    0.00  42.55 100.00

                """);
        var bundle = builder.WriteTarXz(temp.Combine("iostat.tar.xz"));

        var result = CliRunner.Run(temp.FullPath, "ingest", bundle, "--db", temp.DatabasePath, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Average request size per layer above nvme1n1", result.Out);
        // 512-sector requests at the snapshot arrive at the NVMe device as 8-sector ones
        Assert.Contains("data-snap: average request 256 KiB", result.Out);
        Assert.Contains("data-snap-cow: average request 4 KiB", result.Out);
        Assert.Contains("nvme1n1: average request 4 KiB", result.Out);
        // and the stack the NVMe finding sits under, with names instead of major:minor numbers
        Assert.Contains("Storage stack under data-snap", result.Out);
        Assert.Contains("<title>data-vol-real: dm linear, 100 GiB</title>", result.Out);
        Assert.DoesNotContain("device 253:1", result.Out);
    }
}
