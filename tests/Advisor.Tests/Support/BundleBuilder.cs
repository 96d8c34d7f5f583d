using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Advisor.Tests.Support;

/// <summary>
/// Builds real sosreport-like archives for tests: a tar with a <c>sosreport-host-date/</c> top folder, written by
/// System.Formats.Tar (or by the system's <c>tar</c>) and compressed with gzip or with the system's <c>xz</c>,
/// <c>bzip2</c> or <c>zstd</c>.
/// </summary>
public sealed class BundleBuilder
{
    private readonly List<Member> members = [];

    public BundleBuilder(string topFolder = "sosreport-testhost-2026-11-23-abcdef")
    {
        TopFolder = topFolder;
    }

    private enum MemberKind
    {
        File,
        Symlink,
        HardLink,
    }

    private sealed record Member(string Path, MemberKind Kind, byte[]? Content, string? LinkTarget);

    public string TopFolder { get; }

    public BundleBuilder File(string path, string text) => Bytes(path, Encoding.UTF8.GetBytes(text));

    public BundleBuilder Bytes(string path, byte[] content)
    {
        members.RemoveAll(m => m.Path == path);
        members.Add(new Member(path, MemberKind.File, content, null));
        return this;
    }

    public BundleBuilder Symlink(string path, string target)
    {
        members.Add(new Member(path, MemberKind.Symlink, null, target));
        return this;
    }

    /// <summary>A hard link; <paramref name="target"/> is a path inside the bundle, written with the top folder as tar does.</summary>
    public BundleBuilder HardLink(string path, string target)
    {
        members.Add(new Member(path, MemberKind.HardLink, null, target));
        return this;
    }

    public BundleBuilder Without(string path)
    {
        members.RemoveAll(m => m.Path == path);
        return this;
    }

    public IReadOnlyList<string> Paths => members.Select(m => m.Path).ToList();

    public string WriteTar(string path)
    {
        using var file = System.IO.File.Create(path);
        WriteTarTo(file);
        return path;
    }

    public string WriteTarGz(string path)
    {
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        WriteTarTo(gzip);
        return path;
    }

    /// <summary>Writes a tar, then compresses it with the system's xz (as sos does).</summary>
    public string WriteTarXz(string path) => WriteCompressedBySystem(path, "xz", ["-z", "-c", "-T1"]);

    public string WriteTarBz2(string path) => WriteCompressedBySystem(path, "bzip2", ["-z", "-c"]);

    public string WriteTarZst(string path) => WriteCompressedBySystem(path, "zstd", ["-q", "-c"]);

    /// <summary>The bundle as an uncompressed tar in memory, e.g. to nest it in another bundle (sos --pack-dir).</summary>
    public byte[] ToTarBytes()
    {
        using var buffer = new MemoryStream();
        WriteTarTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the members as an unpacked folder named after the top folder inside <paramref name="parent"/>; returns that folder.</summary>
    public string WriteUnpacked(string parent) => WriteFolder(Path.Combine(parent, TopFolder));

    /// <summary>Writes the members as an unpacked folder.</summary>
    public string WriteFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var member in members)
        {
            var full = Path.Combine(folder, member.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            switch (member.Kind)
            {
                case MemberKind.Symlink:
                    System.IO.File.CreateSymbolicLink(full, member.LinkTarget!);
                    break;
                case MemberKind.HardLink:
                    RunTool("ln", [Path.Combine(folder, member.LinkTarget!), full]);
                    break;
                default:
                    System.IO.File.WriteAllBytes(full, member.Content!);
                    break;
            }
        }

        return folder;
    }

    /// <summary>
    /// Writes the bundle with the system's GNU tar in the given <c>--format</c> (gnu, pax, ustar…), from an unpacked
    /// copy; extra arguments (e.g. <c>--sparse</c>) go before the member list.
    /// </summary>
    public string WriteTarWithSystemTar(string path, string format, params string[] extraArguments)
    {
        var staging = path + ".staging";
        WriteUnpacked(staging);
        RunTool("tar", ["--format=" + format, .. extraArguments, "-cf", path, "-C", staging, TopFolder]);
        Directory.Delete(staging, recursive: true);
        return path;
    }

    private string WriteCompressedBySystem(string path, string tool, string[] arguments)
    {
        var tar = path + ".tmp.tar";
        WriteTar(tar);
        Compress(tool, arguments, tar, path);
        System.IO.File.Delete(tar);
        return path;
    }

    private void WriteTarTo(Stream stream)
    {
        using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, TopFolder + "/"));
        var folders = new HashSet<string>();
        foreach (var member in members)
        {
            var parts = member.Path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var folder = string.Join('/', parts[..i]);
                if (folders.Add(folder)) writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"{TopFolder}/{folder}/"));
            }

            switch (member.Kind)
            {
                case MemberKind.Symlink:
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, $"{TopFolder}/{member.Path}") { LinkName = member.LinkTarget! });
                    break;
                case MemberKind.HardLink:
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, $"{TopFolder}/{member.Path}") { LinkName = $"{TopFolder}/{member.LinkTarget}" });
                    break;
                default:
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{TopFolder}/{member.Path}") { DataStream = new MemoryStream(member.Content!) });
                    break;
            }
        }
    }

    internal static void RunXz(string input, string output) => Compress("xz", ["-z", "-c", "-T1"], input, output);

    /// <summary>Runs a system compressor over <paramref name="input"/>, writing its standard output to <paramref name="output"/>.</summary>
    internal static void Compress(string tool, string[] arguments, string input, string output)
    {
        var start = new ProcessStartInfo(tool, [.. arguments, input]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        using (var file = System.IO.File.Create(output))
        {
            process.StandardOutput.BaseStream.CopyTo(file);
        }

        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}");
    }

    /// <summary>
    /// Writes <c>&lt;archive&gt;.sha256</c> with the system's <c>sha256sum</c>: the digest alone, as sos writes it, or
    /// <c>sha256sum</c>'s own <c>digest  name</c> line.
    /// </summary>
    internal static void WriteSha256Beside(string archive, bool digestOnly)
    {
        var cut = digestOnly ? " | cut -d' ' -f1" : "";
        RunTool("sh", ["-c", $"cd \"$1\" && sha256sum \"$2\"{cut} > \"$2.sha256\"", "sh", Path.GetDirectoryName(archive)!, Path.GetFileName(archive)]);
    }

    internal static void RunTool(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {error}");
    }
}
