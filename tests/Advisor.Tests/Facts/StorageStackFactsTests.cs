using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>The founding incident's host: an LVM snapshot on nvme1n1, known only from dmsetup table and the lsblk tree.</summary>
public sealed class StorageStackFactsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Snapshot_is_traced_down_to_the_nvme_namespace_through_major_minor_numbers()
    {
        var bundle = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarGz(temp.Combine("snap.tar.gz"));

        var facts = HostFactsBuilder.Build(new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(bundle, out _));

        var nvme1 = facts.FindBlockDevice("nvme1n1")!;
        Assert.Equal("259:1", nvme1.MajorMinor.Value);
        Assert.Equal("sos_commands/block/lsblk", nvme1.MajorMinor.Source!.Path);
        var snapshot = facts.DeviceMapper.Device("data-snap")!;
        Assert.Equal(("253:3", "dm-3"), (snapshot.MajorMinor.Value, snapshot.KernelName));
        Assert.True(snapshot.IsSnapshot);
        Assert.Equal(["dm-1", "dm-2"], snapshot.Underlying);
        Assert.Equal(["nvme1n1"], snapshot.PhysicalDevices);
        Assert.True(snapshot.IsOnNvme);
        Assert.Equal(["nvme1n1"], facts.FindBlockDevice("dm-3")!.PhysicalDevices);
        Assert.True(facts.FindBlockDevice("dm-3")!.IsOnNvme);
        Assert.Equal(["nvme1n1"], facts.DeviceMapper.Device("data-vol")!.PhysicalDevices);
    }
}
