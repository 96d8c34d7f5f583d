using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

public sealed class BundleDiscoveryTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void An_unpacked_sosreport_is_one_bundle_and_a_folder_of_archives_is_a_batch()
    {
        var unpacked = new BundleBuilder("sosreport-a").File("sos_commands/host/hostname", "a\n").WriteUnpacked(temp.FullPath);
        new BundleBuilder("sosreport-b").File("etc/hostname", "b\n").WriteTarXz(temp.Combine("b.tar.xz"));
        new BundleBuilder("sosreport-c").File("etc/hostname", "c\n").WriteTarGz(temp.Combine("c.bin"));
        File.WriteAllText(temp.Combine("notes.txt"), "not a bundle\n");
        Directory.CreateDirectory(temp.Combine("empty-folder"));

        Assert.True(BundleDiscovery.IsUnpackedSosreport(unpacked));
        Assert.False(BundleDiscovery.IsUnpackedSosreport(temp.FullPath));
        Assert.Equal([temp.Combine("b.tar.xz"), temp.Combine("c.bin"), unpacked], BundleDiscovery.BundlesIn(temp.FullPath));
    }
}
