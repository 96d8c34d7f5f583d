using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Advisor.Tests.Support;

/// <summary>
/// The hostile-bundle corpus, generated fresh into a folder (no committed binaries). Each case names the archive
/// it writes, the exit codes the CLI may give and why, the text stderr must carry, and the <c>advisor.json</c> it
/// needs, if any.
/// </summary>
public static class HostileBundles
{
    private const string Top = "sosreport-hostile-2026-11-23-zzzzzz";

    /// <summary>The start of the summary line for a hostile bundle that was read and analysed.</summary>
    public const string Analysed = "hostile, 4.4.0-1087-aws, bundle ";

    /// <param name="Name">The case, also the start of the archive's file name.</param>
    /// <param name="Build">Writes the archive into the given folder; returns its path.</param>
    /// <param name="ExitCodes">The documented exit codes: 0 = read (partly) and analysed, 3 = nothing usable.</param>
    /// <param name="Expected">Text standard error must contain (the warning or error for this case).</param>
    /// <param name="Why">Why that exit code, in a sentence.</param>
    /// <param name="Settings">The <c>advisor.json</c> the case runs with, or null.</param>
    public sealed record Case(string Name, Func<string, string> Build, int[] ExitCodes, string Expected, string Why, string? Settings = null)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Case> All { get; } =
    [
        new("path-traversal", PathTraversal, [0], "names a path outside the bundle",
            "'../../etc/x' and 'top/../../x' are skipped with a warning; '/etc/x' is read as the bundle path etc/x; the rest is analysed"),
        new("only-escaping-names", OnlyEscapingNames, [3], "nothing could be read",
            "every member climbs above the bundle root, so nothing usable is left"),
        new("symlinks-outside", SymlinksOutside, [0], "points outside the bundle",
            "links to absolute paths and above the root stay unresolved with a warning"),
        new("symlink-loop", SymlinkLoop, [0], "loops: not followed", "looping links stay unresolved with a warning"),
        new("hardlink-to-missing", HardLinkToMissing, [0], "points outside the bundle",
            "hard links to missing members resolve to nothing; the one that climbs out is warned about"),
        new("duplicate-entries", DuplicateEntries, [0], "duplicate entry 'sos_commands/host/hostname'", "the later copy is kept, with a warning"),
        new("device-and-fifo", DevicesAndFifo, [0], Analysed,
            "character/block devices and fifos are listed as other entries and never opened"),
        new("gnu-sparse", GnuSparse, [0], "GNU sparse member", "sparse members are listed and skipped with a warning"),
        new("sparse-2gib-gnu", path => TwoGibSparse(path, "gnu"), [0], "GNU sparse member",
            "a 2 GiB member (sparse on disk and in the archive) is skipped without reading 2 GiB"),
        new("sparse-2gib-pax", path => TwoGibSparse(path, "pax"), [0], "GNU sparse member", "the PAX form of the same"),
        new("100k-tiny-entries", HundredThousandEntries, [0], Analysed, "well under Limits:MaxEntries; read in full"),
        new("control-and-invalid-utf8-names", OddNames, [0], "\\x0a",
            "names are kept with U+FFFD for invalid bytes; a newline is printed as \\x0a, so each message stays one line"),
        new("invalid-utf8-content", InvalidUtf8Content, [0], Analysed, "invalid bytes decode to U+FFFD; parsers carry on"),
        new("tar-in-tar", TarInTar, [0], "in 'proc/fs.tar'",
            "the nested tar is read one level deep; its escaping member is skipped with a warning naming it"),
        new("long-path", LongPath, [0], "longer than any sosreport file",
            "a wanted file with a 1,500-byte path is listed, not captured (it could not be a database key)"),
        new("deep-path", DeepPath, [0], "longer than Linux allows (4096): skipped",
            "a 400 KB name of 200,000 folders is skipped at once instead of folding every folder"),
        new("truncated-xz", path => Cut(path, "tar.xz", BigHost().WriteTarXz), [0], "archive truncated after", "the part before the cut is analysed"),
        new("truncated-gz", path => Cut(path, "tar.gz", BigHost().WriteTarGz), [0], "archive truncated after", "the part before the cut is analysed"),
        new("truncated-bz2", path => Cut(path, "tar.bz2", BigHost().WriteTarBz2), [0], "archive truncated after", "the part before the cut is analysed"),
        new("truncated-zst", path => Cut(path, "tar.zst", BigHost().WriteTarZst), [0], "archive truncated after", "the part before the cut is analysed"),
        new("bitflipped-zst", path => Flip(path, "tar.zst", BigHost().WriteTarZst), [0], "archive truncated after",
            "the zstd block fails in the middle; what came before is analysed"),
        new("bitflipped-xz", path => Flip(path, "tar.xz", BigHost().WriteTarXz), [0], "archive truncated after",
            "the xz block check fails in the middle; what came before is analysed"),
        new("bitflipped-gz", path => Flip(path, "tar.gz", BigHost().WriteTarGz), [0], "archive truncated after",
            "deflate fails in the middle; what came before is analysed"),
        new("bitflipped-bz2", path => Flip(path, "tar.bz2", BigHost().WriteTarBz2), [0], "archive truncated after",
            "the bad 900 kB block fails its CRC; the blocks before it are analysed"),
        new("gzip-bomb", GzipBomb, [0], "Limits:MaxUncompressedBytes = 1048576 (1 MiB)",
            "64 MiB of zeros in a 64 KiB gzip stop at the configured 1 MiB; what came before is analysed",
            """{ "Limits": { "MaxUncompressedBytes": 1048576 } }"""),
        new("too-many-entries", path => ManyEntries(path, 1_000), [0], "stopped after 50 entries: the bundle exceeds Limits:MaxEntries = 50",
            "the read stops at the configured 50 entries; what came before is analysed",
            """{ "Limits": { "MaxEntries": 50 } }"""),
        new("too-many-entries-no-host", path => ManyEntries(path, 1_000), [0], "stopped after 2 entries: the bundle exceeds Limits:MaxEntries = 2",
            "the read stops before the host name: the bundle is stored and listed with an unknown host",
            """{ "Limits": { "MaxEntries": 2 } }"""),
        new("too-slow", HundredThousandEntries, [0, 3], "Limits:MaxReadTime",
            "a 1 ms read-time limit stops the read: 0 when some entries came before the deadline, 3 when none did",
            """{ "Limits": { "MaxReadTime": "00:00:00.001" } }"""),
        new("empty-file", path => Write(path, "empty.tar.gz", []), [3], "the file is empty", "nothing to read"),
        new("not-an-archive", path => Write(path, "notes.tar.xz", Encoding.UTF8.GetBytes("Dear support, please find attached...\n")), [3],
            "not a bundle", "no known magic bytes"),
        new("cut-before-first-member-bz2", path => Write(path, "stub.tar.bz2", File.ReadAllBytes(BigHost().WriteTarBz2(Path.Combine(path, "whole.tar.bz2")))[..60]),
            [3], "nothing could be read", "not one member could be decoded"),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A small host every hostile bundle carries, so there is something to analyse around the hostile part.</summary>
    private static void WriteHost(TarWriter writer, TarEntryFormat format = TarEntryFormat.Pax)
    {
        Entry(writer, format, TarEntryType.Directory, Top + "/");
        foreach (var (path, text) in HostFiles())
        {
            Entry(writer, format, TarEntryType.RegularFile, $"{Top}/{path}", Encoding.UTF8.GetBytes(text));
        }
    }

    private static IEnumerable<(string Path, string Text)> HostFiles() =>
    [
        ("sos_commands/kernel/uname_-a", "Linux hostile 4.4.0-1087-aws #98-Ubuntu SMP Wed Jun 26 05:50:53 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n"),
        ("sos_commands/host/hostname", "hostile\n"),
        ("etc/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"16.04\"\n"),
        ("sys/block/nvme0n1/queue/nomerges", "2\n"),
        ("sys/block/nvme0n1/queue/rotational", "0\n"),
    ];

    private static void Entry(TarWriter writer, TarEntryFormat format, TarEntryType type, string name, byte[]? data = null, string? link = null)
    {
        TarEntry entry = format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, name),
            TarEntryFormat.Ustar => new UstarTarEntry(type, name),
            _ => new PaxTarEntry(type, name),
        };
        if (data is not null) entry.DataStream = new MemoryStream(data);
        if (link is not null) entry.LinkName = link;
        writer.WriteEntry(entry);
    }

    private static string WriteTar(string folder, string fileName, Action<TarWriter> members, TarEntryFormat format = TarEntryFormat.Pax)
    {
        var path = Path.Combine(folder, fileName);
        using var file = File.Create(path);
        using var writer = new TarWriter(file, format, leaveOpen: true);
        members(writer);
        return path;
    }

    private static string Write(string folder, string fileName, byte[] bytes)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string PathTraversal(string folder) => WriteTar(folder, "traversal.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "../../etc/x", "written outside?\n"u8.ToArray());
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/../../x", "written outside?\n"u8.ToArray());
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "/etc/x", "absolute\n"u8.ToArray());
    });

    private static string OnlyEscapingNames(string folder) => WriteTar(folder, "escaping.tar", writer =>
    {
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "../../etc/x", "written outside?\n"u8.ToArray());
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "../x", "written outside?\n"u8.ToArray());
    });

    private static string SymlinksOutside(string folder) => WriteTar(folder, "symlinks.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/etc/shadow", link: "/etc/shadow");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/sos_commands/kernel/escape", link: "../../../../../etc/passwd");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/uname", link: "sos_commands/kernel/uname_-a");
        // a member written through the escaping link, as an extracting tar would
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/sos_commands/kernel/escape/x", "through the link?\n"u8.ToArray());
    });

    private static string SymlinkLoop(string folder) => WriteTar(folder, "loop.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/sys/block/a", link: "b");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/sys/block/b", link: "a");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/sys/block/self", link: "self/queue");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.SymbolicLink, $"{Top}/sys/block/dot", link: ".");
    });

    private static string HardLinkToMissing(string folder) => WriteTar(folder, "hardlinks.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.HardLink, $"{Top}/sos_commands/block/lsblk", link: $"{Top}/sos_commands/block/not-in-the-archive");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.HardLink, $"{Top}/sos_commands/block/passwd", link: "../../../etc/passwd");
        Entry(writer, TarEntryFormat.Pax, TarEntryType.HardLink, $"{Top}/sos_commands/block/self", link: $"{Top}/sos_commands/block/self");
    });

    private static string DuplicateEntries(string folder) => WriteTar(folder, "duplicates.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/sos_commands/host/hostname", "second-copy\n"u8.ToArray());
        Entry(writer, TarEntryFormat.Pax, TarEntryType.Directory, $"{Top}/sos_commands/host/hostname/");
    });

    private static string DevicesAndFifo(string folder) => WriteTar(folder, "devices.tar", writer =>
    {
        WriteHost(writer, TarEntryFormat.Gnu);
        Entry(writer, TarEntryFormat.Gnu, TarEntryType.CharacterDevice, $"{Top}/dev/zero");
        Entry(writer, TarEntryFormat.Gnu, TarEntryType.BlockDevice, $"{Top}/dev/sda");
        Entry(writer, TarEntryFormat.Gnu, TarEntryType.Fifo, $"{Top}/run/initctl");
        // a device where the parsers want a file
        Entry(writer, TarEntryFormat.Gnu, TarEntryType.CharacterDevice, $"{Top}/sys/block/nvme0n1/queue/scheduler");
    }, TarEntryFormat.Gnu);

    /// <summary>An unpacked host with <paramref name="sparseSize"/> bytes of holes at <c>var/log/lastlog</c>, archived by the system tar.</summary>
    private static string SystemTarWithSparseFile(string folder, string fileName, string format, long sparseSize)
    {
        var staging = Path.Combine(folder, fileName + ".staging");
        var top = Path.Combine(staging, Top);
        foreach (var (path, text) in HostFiles())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(top, path))!);
            File.WriteAllText(Path.Combine(top, path), text);
        }

        Directory.CreateDirectory(Path.Combine(top, "var/log"));
        using (var sparse = File.Create(Path.Combine(top, "var/log/lastlog")))
        {
            sparse.SetLength(sparseSize);
            sparse.Position = sparseSize - 5;
            sparse.Write("tail\n"u8);
        }

        var archive = Path.Combine(folder, fileName);
        BundleBuilder.RunTool("tar", ["--format=" + format, "--sparse", "-cf", archive, "-C", staging, Top]);
        Directory.Delete(staging, recursive: true);
        return archive;
    }

    private static string GnuSparse(string folder) => SystemTarWithSparseFile(folder, "sparse.tar", "gnu", 8 << 20);

    private static string TwoGibSparse(string folder, string format) =>
        SystemTarWithSparseFile(folder, $"sparse-2gib-{format}.tar", format, 2L << 30);

    private static string HundredThousandEntries(string folder) => ManyEntries(folder, 100_000);

    private static string ManyEntries(string folder, int count) => WriteTar(folder, $"entries-{count}.tar", writer =>
    {
        WriteHost(writer, TarEntryFormat.Ustar);
        for (var i = 0; i < count; i++)
        {
            Entry(writer, TarEntryFormat.Ustar, TarEntryType.RegularFile, $"{Top}/proc/sys/tiny/{i / 1000}/{i}", "1\n"u8.ToArray());
        }
    }, TarEntryFormat.Ustar);

    private static string OddNames(string folder)
    {
        var path = WriteTar(folder, "odd-names.tar", writer =>
        {
            WriteHost(writer, TarEntryFormat.Gnu);
            Entry(writer, TarEntryFormat.Gnu, TarEntryType.SymbolicLink, $"{Top}/NEWLINE_PLACEHOLDER", link: "/etc/passwd");
            Entry(writer, TarEntryFormat.Gnu, TarEntryType.RegularFile, $"{Top}/INVALID_UTF8_PLACEHOLDER", "x\n"u8.ToArray());
            Entry(writer, TarEntryFormat.Gnu, TarEntryType.RegularFile, $"{Top}/sos_commands/host/hostname", "dup\n"u8.ToArray());
        }, TarEntryFormat.Gnu);
        var bytes = File.ReadAllBytes(path);
        TarHeaders.Rename(bytes, $"{Top}/NEWLINE_PLACEHOLDER", Encoding.UTF8.GetBytes($"{Top}/evil\nname\r\x1b[31m"));
        TarHeaders.Rename(bytes, $"{Top}/INVALID_UTF8_PLACEHOLDER", [.. Encoding.UTF8.GetBytes($"{Top}/bad-"), 0xFF, 0xFE, 0xC3, 0x28, 0x80, (byte)'\n']);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string InvalidUtf8Content(string folder) => WriteTar(folder, "invalid-utf8.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/sos_commands/block/lsblk", [0xFF, 0xFE, 0x00, 0xC3, 0x28, (byte)'\n', 0xE2, 0x82]);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/proc/cpuinfo", [0xEF, 0xBB, 0xBF, 0xF0, 0x28, 0x8C, 0x28, (byte)':', 0x80]);
    });

    private static string TarInTar(string folder)
    {
        byte[] Inner(string name, byte[]? nested)
        {
            using var buffer = new MemoryStream();
            using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
            {
                Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "fs/ext4/features/lazy_itable_init", "1\n"u8.ToArray());
                Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, "../../../etc/x", "escape from the nested tar?\n"u8.ToArray());
                if (nested is not null) Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, name, nested);
            }

            return buffer.ToArray();
        }

        // a tar inside a tar inside a tar: only the first level is read
        var innermost = Inner("unused", null);
        var inner = Inner("fs/deeper.tar", innermost);
        return WriteTar(folder, "tar-in-tar.tar", writer =>
        {
            WriteHost(writer);
            Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/proc/fs.tar", inner);
            Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/proc/garbage.tar", "not a tar at all"u8.ToArray());
        });
    }

    private static string LongPath(string folder) => WriteTar(folder, "long-path.tar", writer =>
    {
        WriteHost(writer);
        var deep = string.Join('/', Enumerable.Repeat("pci0000:00/0000:00:1f.0", 60));
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/sys/devices/{deep}/numa_node", "0\n"u8.ToArray());
    });

    private static string DeepPath(string folder) => WriteTar(folder, "deep-path.tar", writer =>
    {
        WriteHost(writer);
        Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/{string.Concat(Enumerable.Repeat("a/", 200_000))}x", "deep\n"u8.ToArray());
    });

    /// <summary>A host with a 4 MB log in the middle: several bzip2 blocks, so damage in the middle leaves a readable start.</summary>
    private static BundleBuilder BigHost()
    {
        var builder = SosFixtures.UbuntuNvmeSnapshotHost("4.4.0-1091-aws");
        var random = new Random(8);
        var log = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"Nov 23 06:{i % 60:00}:{random.Next(60):00} host kernel: event {random.Next()} on cpu{random.Next(8)}\n"));
        return builder.File("var/log/messages", log).File("sos_commands/zz/after_the_log", "after\n");
    }

    private static string Cut(string folder, string extension, Func<string, string> write)
    {
        var whole = write(Path.Combine(folder, "whole." + extension));
        var bytes = File.ReadAllBytes(whole);
        File.Delete(whole);
        return Write(folder, "truncated." + extension, bytes[..(bytes.Length * 2 / 3)]);
    }

    private static string Flip(string folder, string extension, Func<string, string> write)
    {
        var whole = write(Path.Combine(folder, "whole." + extension));
        var bytes = File.ReadAllBytes(whole);
        File.Delete(whole);
        var random = new Random(1123);
        for (var i = 0; i < 16; i++) bytes[(bytes.Length * 2 / 3) + random.Next(256)] ^= (byte)(1 << random.Next(8));
        return Write(folder, "bitflipped." + extension, bytes);
    }

    private static string GzipBomb(string folder)
    {
        var path = Path.Combine(folder, "bomb.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            WriteHost(writer);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{Top}/var/log/messages") { DataStream = new ZeroStream(64L << 20) });
            Entry(writer, TarEntryFormat.Pax, TarEntryType.RegularFile, $"{Top}/sos_commands/zz/after_the_bomb", "after\n"u8.ToArray());
        }

        return path;
    }

    /// <summary><paramref name="length"/> zero bytes without holding them in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
