using System.Formats.Tar;
using System.Text;
using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>Long names, links, nested archives and odd entry types, as real tars carry them.</summary>
public sealed class TarDetailsTests : IDisposable
{
    private static readonly string LongFolder = string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 8));
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Pax_long_names_are_read_whole()
    {
        var longPath = $"sys/devices/{LongFolder}/queue/nomerges";
        var path = new BundleBuilder().File(longPath, "2\n").WriteTar(temp.Combine("pax.tar"));

        var contents = BundleReading.Read(path);

        Assert.True(longPath.Length > 200);
        Assert.Equal("2\n", contents.Find(longPath)!.Text);
    }

    [Fact]
    public void Gnu_long_names_and_long_link_targets_from_system_tar_are_read_whole()
    {
        var longPath = $"sos_commands/block/{LongFolder}/lsblk";
        var path = new BundleBuilder()
            .File(longPath, "NAME MAJ:MIN\n")
            .Symlink("lsblk", longPath)
            .WriteTarWithSystemTar(temp.Combine("gnu.tar"), "gnu");

        var contents = BundleReading.Read(path);

        Assert.Equal("NAME MAJ:MIN\n", contents.Find(longPath)!.Text);
        Assert.Equal("NAME MAJ:MIN\n", contents.Find("lsblk")!.Text);
        Assert.Empty(contents.Warnings);
    }

    [Fact]
    public void Top_level_convenience_symlinks_and_hard_links_resolve_inside_the_bundle()
    {
        var path = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.4.0 x86_64\n")
            .Symlink("uname", "sos_commands/kernel/uname_-a")
            .HardLink("sos_commands/kernel/uname_copy", "sos_commands/kernel/uname_-a")
            .WriteTarXz(temp.Combine("links.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Equal("Linux h 5.4.0 x86_64\n", contents.Find("uname")!.Text);
        var hardLink = Assert.Single(contents.Entries, e => e.Kind == BundleEntryKind.HardLink);
        Assert.Equal("sos_commands/kernel/uname_-a", hardLink.LinkTarget);
        Assert.Equal("Linux h 5.4.0 x86_64\n", contents.Find("sos_commands/kernel/uname_copy")!.Text);
    }

    [Fact]
    public void A_v7_tar_without_magic_is_known_by_its_header_checksum_and_read()
    {
        var path = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux v7host 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .WriteTarWithSystemTar(temp.Combine("old.tar"), "v7");
        var notATar = temp.Combine("notes.tar");
        File.WriteAllText(notATar, string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i}\n")));

        var contents = BundleReading.Read(path, globs: ["sos_commands/**/*"]);

        Assert.Equal(BundleFormat.Tar, contents.Format);
        Assert.Null(contents.TruncationReason);
        Assert.StartsWith("Linux v7host", contents.Find("sos_commands/kernel/uname_-a")!.Text);
        Assert.Contains("not a bundle", Assert.Throws<BundleReadException>(() => BundleReading.Read(notATar)).Message);
    }

    [Fact]
    public void Hard_links_written_by_system_tar_resolve_with_the_top_folder_stripped()
    {
        var path = new BundleBuilder()
            .File("etc/os-release", "ID=ubuntu\n")
            .HardLink("usr/lib/os-release", "etc/os-release")
            .WriteTarWithSystemTar(temp.Combine("hard.tar"), "gnu");

        var contents = BundleReading.Read(path);

        Assert.Equal("ID=ubuntu\n", contents.Find("usr/lib/os-release")?.Text ?? contents.Find("etc/os-release")!.Text);
        Assert.Contains(contents.Entries, e => e.Kind == BundleEntryKind.HardLink && e.LinkTarget is "etc/os-release" or "usr/lib/os-release");
    }

    [Fact]
    public void An_archive_made_from_inside_the_report_folder_reads_without_a_warning_about_its_root()
    {
        // cd sosreport-host-…; tar -cJf ../x.tar.xz .  names the root './' and every member './…'
        var folder = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("container/podman_ps", "CONTAINER ID\n")
            .File("etc/hostname", "h\n")
            .HardLink("etc/hostname.copy", "etc/hostname")
            .WriteUnpacked(temp.Combine("unpacked"));
        var path = temp.Combine("dot.tar.xz");
        BundleBuilder.RunTool("tar", ["--sort=name", "-C", folder, "-cJf", path, "."]);

        var contents = BundleReading.Read(path);

        Assert.Empty(contents.Warnings);
        // the first member after './' is './container/': not a top folder to strip
        Assert.True(contents.HasEntry("container/podman_ps"));
        Assert.Equal("h\n", contents.Find("etc/hostname")!.Text);
        Assert.Equal("h\n", contents.Find("etc/hostname.copy")!.Text);
        Assert.StartsWith("Linux h 5.15.0-91-generic", contents.Find("sos_commands/kernel/uname_-a")!.Text);
    }

    [Fact]
    public void A_report_tarred_by_its_absolute_path_has_the_folders_above_it_stripped_too()
    {
        // tar -cJf x.tar.xz /var/tmp/sosreport-host-…  names every member var/tmp/sosreport-host-…/…
        var folder = new BundleBuilder()
            .File("sos_commands/kernel/uname_-a", "Linux h 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
            .File("sys/block/sda/queue/scheduler", "[mq-deadline] none\n")
            .Symlink("uname", "sos_commands/kernel/uname_-a")
            .WriteUnpacked(temp.Combine("var/tmp"));
        var path = temp.Combine("absolute.tar.xz");
        BundleBuilder.RunTool("tar", ["-cJf", path, folder]);

        var contents = BundleReading.Read(path);

        Assert.StartsWith("Linux h 5.15.0-91-generic", contents.Find("uname")!.Text);
        Assert.Equal("[mq-deadline] none\n", contents.Find("sys/block/sda/queue/scheduler")!.Text);
        Assert.All(contents.Entries, e => Assert.DoesNotContain("sosreport-", e.Path));
        Assert.Empty(contents.Warnings);
    }

    [Fact]
    public void Links_to_outside_the_bundle_and_link_loops_stay_unresolved_with_a_warning()
    {
        var path = new BundleBuilder()
            .File("etc/hostname", "h\n")
            .Symlink("etc/passwd", "/etc/passwd")
            .Symlink("etc/shadow", "../../../etc/shadow")
            .Symlink("loop/a", "b")
            .Symlink("loop/b", "a")
            .Symlink("etc/missing", "not-collected")
            .WriteTarXz(temp.Combine("hostile.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.Null(contents.Resolve("etc/passwd"));
        Assert.Null(contents.Find("etc/passwd"));
        Assert.Null(contents.Resolve("etc/shadow"));
        Assert.Null(contents.Resolve("loop/a"));
        Assert.Null(contents.Find("loop/b"));
        Assert.Contains(contents.Warnings, w => w.Contains("'etc/passwd'") && w.Contains("outside the bundle"));
        Assert.Contains(contents.Warnings, w => w.Contains("'etc/shadow'") && w.Contains("outside the bundle"));
        Assert.Contains(contents.Warnings, w => w.Contains("'loop/a'") && w.Contains("loops"));
        Assert.DoesNotContain(contents.Warnings, w => w.Contains("etc/missing"));
        Assert.Equal("h\n", contents.Find("etc/hostname")!.Text);
    }

    [Fact]
    public void A_nested_uncompressed_tar_is_read_into_the_folder_that_holds_it()
    {
        var inner = new TarBuilder()
            .Folder("fs/")
            .Folder("fs/ext4/")
            .Folder("fs/ext4/vda1/")
            .Folder("fs/xfs/")
            .File("fs/ext4/vda1/options", "rw,relatime\n")
            .File("fs/xfs/stat", "extent_alloc 1 2 3\n")
            .Bytes();
        var path = new BundleBuilder()
            .File("proc/cpuinfo", "processor : 0\n")
            .Bytes("proc/fs.tar", inner)
            .WriteTarXz(temp.Combine("packed.tar.xz"));

        var contents = BundleReading.Read(path);

        Assert.True(contents.HasEntry("proc/fs.tar"));
        Assert.True(contents.HasEntry("proc/fs"));
        Assert.Equal("rw,relatime\n", contents.Find("proc/fs/ext4/vda1/options")!.Text);
        Assert.Equal("extent_alloc 1 2 3\n", contents.Find("proc/fs/xfs/stat")!.Text);
        Assert.Equal(["ext4", "xfs"], contents.ListFolder("proc/fs"));
        Assert.Equal("processor : 0\n", contents.Find("proc/cpuinfo")!.Text);
    }

    [Fact]
    public void A_member_named_tar_that_is_not_a_tar_is_listed_with_a_warning()
    {
        var path = new BundleBuilder()
            .File("proc/fs.tar", "this is not a tar archive at all\n")
            .File("etc/hostname", "h\n")
            .WriteTarGz(temp.Combine("fake.tar.gz"));

        var contents = BundleReading.Read(path);

        Assert.True(contents.HasEntry("proc/fs.tar"));
        Assert.Null(contents.TruncationReason);
        Assert.Equal("h\n", contents.Find("etc/hostname")!.Text);
    }

    [Fact]
    public void Gnu_sparse_members_are_skipped_with_a_warning()
    {
        var staging = temp.Combine("staging");
        var top = Path.Combine(staging, "sosreport-sparse");
        Directory.CreateDirectory(Path.Combine(top, "var/log"));
        File.WriteAllText(Path.Combine(top, "hostname"), "h\n");
        using (var sparse = File.Create(Path.Combine(top, "var/log/lastlog")))
        {
            sparse.SetLength(8 << 20);
            sparse.Position = (8 << 20) - 5;
            sparse.Write("tail\n"u8);
        }

        var path = temp.Combine("sparse.tar");
        // the sparse member first, so the test shows the read goes on after it
        BundleBuilder.RunTool("tar", [
            "--format=gnu", "--sparse", "--no-recursion", "-cf", path, "-C", staging,
            "sosreport-sparse", "sosreport-sparse/var", "sosreport-sparse/var/log", "sosreport-sparse/var/log/lastlog", "sosreport-sparse/hostname"]);

        var contents = BundleReading.Read(path);

        Assert.Contains(contents.Warnings, w => w.Contains("'var/log/lastlog'") && w.Contains("sparse"));
        var lastlog = contents.Entries.Single(e => e.Path == "var/log/lastlog");
        Assert.Equal(BundleEntryKind.Other, lastlog.Kind);
        Assert.Equal(8 << 20, lastlog.Size);
        Assert.Equal("h\n", contents.Find("hostname")!.Text);
        Assert.Null(contents.TruncationReason);
    }

    [Fact]
    public void Device_and_fifo_entries_are_listed_and_unexpected_types_warned_about()
    {
        var path = temp.Combine("odd.tar");
        using (var file = File.Create(path))
        using (var writer = new TarWriter(file, TarEntryFormat.Gnu))
        {
            writer.WriteEntry(new GnuTarEntry(TarEntryType.Directory, "sosreport-odd/"));
            writer.WriteEntry(new GnuTarEntry(TarEntryType.Fifo, "sosreport-odd/run/initctl"));
            writer.WriteEntry(new GnuTarEntry(TarEntryType.CharacterDevice, "sosreport-odd/dev/null"));
            writer.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, "sosreport-odd/hostname") { DataStream = new MemoryStream("h\n"u8.ToArray()) });
        }

        PatchTypeFlag(path, "sosreport-odd/run/initctl", (byte)'N');

        var contents = BundleReading.Read(path);

        Assert.Equal(BundleEntryKind.Other, contents.Entries.Single(e => e.Path == "dev/null").Kind);
        Assert.Contains(contents.Warnings, w => w.Contains("'run/initctl'") && w.Contains("entry type"));
        Assert.DoesNotContain(contents.Warnings, w => w.Contains("dev/null"));
        Assert.Equal("h\n", contents.Find("hostname")!.Text);
    }

    /// <summary>Rewrites the type flag of one member's header (and its checksum): how a tar with an unknown type is made.</summary>
    private static void PatchTypeFlag(string tarPath, string memberName, byte typeFlag)
    {
        var bytes = File.ReadAllBytes(tarPath);
        var name = Encoding.ASCII.GetBytes(memberName);
        for (var header = 0; header + 512 <= bytes.Length; header += 512)
        {
            if (!bytes.AsSpan(header, name.Length).SequenceEqual(name) || bytes[header + name.Length] != 0) continue;
            bytes[header + 156] = typeFlag;
            bytes.AsSpan(header + 148, 8).Fill((byte)' ');
            var sum = 0;
            for (var i = 0; i < 512; i++) sum += bytes[header + i];
            Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(bytes, header + 148);
            File.WriteAllBytes(tarPath, bytes);
            return;
        }

        throw new InvalidOperationException($"{memberName} not found in {tarPath}");
    }

    /// <summary>A plain tar without a top folder, for nesting.</summary>
    private sealed class TarBuilder
    {
        private readonly MemoryStream buffer = new();
        private readonly TarWriter writer;

        public TarBuilder() => writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true);

        public TarBuilder Folder(string name)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name));
            return this;
        }

        public TarBuilder File(string name, string text)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            return this;
        }

        public byte[] Bytes()
        {
            writer.Dispose();
            return buffer.ToArray();
        }
    }
}
