using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Advisor.Tests.Support;

/// <summary>
/// Builds real sosreport-like archives for tests: a tar with a <c>sosreport-host-date/</c> top folder, written by
/// System.Formats.Tar and compressed with gzip or with the system's <c>xz</c>.
/// </summary>
public sealed class BundleBuilder
{
    private readonly List<(string Path, string? Text, string? LinkTarget)> members = [];

    public BundleBuilder(string topFolder = "sosreport-testhost-2026-11-23-abcdef")
    {
        TopFolder = topFolder;
    }

    public string TopFolder { get; }

    public BundleBuilder File(string path, string text)
    {
        members.RemoveAll(m => m.Path == path);
        members.Add((path, text, null));
        return this;
    }

    public BundleBuilder Symlink(string path, string target)
    {
        members.Add((path, null, target));
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
    public string WriteTarXz(string path)
    {
        var tar = path + ".tmp.tar";
        WriteTar(tar);
        RunXz(tar, path);
        System.IO.File.Delete(tar);
        return path;
    }

    /// <summary>Writes the members as an unpacked folder.</summary>
    public string WriteFolder(string folder)
    {
        foreach (var (path, text, link) in members)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (link is not null) System.IO.File.CreateSymbolicLink(full, link);
            else System.IO.File.WriteAllText(full, text);
        }

        return folder;
    }

    private void WriteTarTo(Stream stream)
    {
        using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, TopFolder + "/"));
        var folders = new HashSet<string>();
        foreach (var (path, text, link) in members)
        {
            var parts = path.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var folder = string.Join('/', parts[..i]);
                if (folders.Add(folder)) writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"{TopFolder}/{folder}/"));
            }

            if (link is not null)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, $"{TopFolder}/{path}") { LinkName = link });
                continue;
            }

            var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{TopFolder}/{path}")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text!)),
            };
            writer.WriteEntry(entry);
        }
    }

    internal static void RunXz(string input, string output)
    {
        var start = new ProcessStartInfo("xz", ["-z", "-c", "-T1", input]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        using (var file = System.IO.File.Create(output))
        {
            process.StandardOutput.BaseStream.CopyTo(file);
        }

        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"xz failed with exit code {process.ExitCode}");
    }
}
