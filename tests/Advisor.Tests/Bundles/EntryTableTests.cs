using Advisor.Bundles;

namespace Advisor.Tests.Bundles;

/// <summary>The entry tree behind <see cref="BundleContents"/>: the order archives list paths in must not matter.</summary>
public sealed class EntryTableTests
{
    [Fact]
    public void Paths_in_any_order_are_found_listed_and_counted_once_each()
    {
        // deep path first, then its own folder, a prefix of it, a sibling, back to the deep folder, a duplicate
        string[] paths =
        [
            "sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda/queue/nomerges",
            "sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda",
            "sys/devices/pci0000:00",
            "sys/devices/pci0000:00/0000:00:0c.0/net/eth0/address",
            "sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda/queue/scheduler",
            "sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda/queue/nomerges",
            "sys/devicesX",
            "proc/interrupts",
        ];
        var table = new EntryTable();
        var added = paths.Select(p => table.Add(p, BundleEntryKind.File, p.Length, [], hasLinkTarget: false)).ToList();

        Assert.Equal([true, true, true, true, true, false, true, true], added);
        Assert.Equal(7, table.Count);
        Assert.All(paths, p => Assert.True(table.IsListed(p), p));
        Assert.False(table.IsListed("sys/devices"));
        Assert.True(table.Exists("sys/devices"));
        Assert.True(table.Exists("sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda/queue"));
        Assert.False(table.Exists("sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vd"));
        Assert.False(table.Exists("sys/device"));
        Assert.Equal(["nomerges", "scheduler"], table.ChildNames("sys/devices/pci0000:00/0000:00:0b.0/virtio8/block/vda/queue").Order(StringComparer.Ordinal));
        Assert.Equal(["devices", "devicesX"], table.ChildNames("sys").Order(StringComparer.Ordinal));
        Assert.Equal(["proc", "sys"], table.ChildNames("").Order(StringComparer.Ordinal));
        Assert.Equal(paths.Distinct().Order(StringComparer.Ordinal), table.Entries().Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_later_duplicate_replaces_kind_size_and_link_and_links_are_listed_once()
    {
        var table = new EntryTable();
        table.Add("sys/block/vda", BundleEntryKind.Symlink, 0, "../devices/a", hasLinkTarget: true);
        table.Add("sys/block/vda", BundleEntryKind.File, 5, [], hasLinkTarget: false);
        table.Add("sys/block/vda", BundleEntryKind.Symlink, 0, "../devices/b", hasLinkTarget: true);

        Assert.True(table.TryGetLink("sys/block/vda", out var kind, out var target));
        Assert.Equal((BundleEntryKind.Symlink, "../devices/b"), (kind, target.ToString()));
        var link = Assert.Single(table.Links());
        Assert.Equal(("sys/block/vda", "../devices/b"), (link.Path, link.LinkTarget));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Visiting_gives_every_listed_entry_with_its_full_path_and_size_and_no_implied_folder()
    {
        var table = new EntryTable();
        table.Add("a/b/c", BundleEntryKind.File, 3, [], hasLinkTarget: false);
        table.Add("a/b", BundleEntryKind.Directory, 0, [], hasLinkTarget: false);
        table.Imply("x/y/z");

        var visited = new List<string>();
        table.ForEach((path, kind, size) => visited.Add($"{path}|{kind}|{size}"));

        Assert.Equal(["a/b|Directory|0", "a/b/c|File|3"], visited);
        Assert.True(table.Exists("x/y"));
        Assert.Equal(1, table.CountOf(BundleEntryKind.File));
    }
}
