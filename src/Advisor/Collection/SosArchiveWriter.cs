using System.Formats.Tar;
using Advisor.Bundles;

namespace Advisor.Collection;

/// <summary>
/// Writes a <see cref="LiveSnapshot"/> as a sosreport-layout tar.xz: everything under one top folder
/// (<c>sosreport-&lt;host&gt;-&lt;date&gt;/</c>), folders, symlinks as tar symlinks, files with their captured bytes, the
/// <c>sos_reports/manifest.json</c>. A log over the capture cap is kept as sos keeps one over its size limit: its
/// newest lines in <c>sos_strings/logs/</c>, with a symlink at its own path (<see cref="SosTail"/>), so an ingest of the
/// archive says it holds the log's end alone. Compressed by liblzma (preset 6); nothing else is run.
/// </summary>
public static class SosArchiveWriter
{
    /// <summary>The default name of a collected bundle: <c>sosreport-&lt;host&gt;-&lt;yyyy-MM-dd-HHmmss&gt;</c> (UTC).</summary>
    public static string TopFolderName(LiveSnapshot snapshot) =>
        $"sosreport-{SafeName(snapshot.Hostname)}-{snapshot.TakenAtUtc:yyyy-MM-dd-HHmmss}";

    /// <exception cref="IOException">The file cannot be written, or liblzma is not available.</exception>
    public static void Write(LiveSnapshot snapshot, string path)
    {
        var top = TopFolderName(snapshot);
        var temporary = path + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var xz = NativeXzWriteStream.TryOpen(file) ?? throw new IOException("liblzma.so.5 is not available: cannot compress the bundle"))
            using (var tar = new TarWriter(xz, TarEntryFormat.Pax, leaveOpen: true))
            {
                var modified = new DateTimeOffset(snapshot.TakenAtUtc, TimeSpan.Zero);
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, top + "/") { ModificationTime = modified, Mode = Folder });
                if (snapshot.Items.Any(i => i.Window is not null))
                {
                    foreach (var folder in new[] { SosTail.Folder, $"{SosTail.Folder}{LogsPlugin}/" })
                    {
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"{top}/{folder}") { ModificationTime = modified, Mode = Folder });
                    }
                }

                foreach (var item in snapshot.Items)
                {
                    var name = $"{top}/{item.Path}";
                    if (item.Window is not null)
                    {
                        // a log over the cap: its newest lines, where and how sos keeps a file over its size limit
                        var tail = SosTail.OfCopiedFile(LogsPlugin, item.Path);
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{top}/{tail}")
                        {
                            DataStream = new MemoryStream(item.Content ?? []), Mode = Readable, ModificationTime = modified,
                        });
                        tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = BundlePaths.RelativeLinkTarget(item.Path, tail), ModificationTime = modified });
                        continue;
                    }

                    PaxTarEntry entry = item.Kind switch
                    {
                        BundleEntryKind.Directory => new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = Folder },
                        BundleEntryKind.Symlink => new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = item.LinkTarget ?? "" },
                        _ => new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(item.Content ?? []), Mode = Readable },
                    };
                    entry.ModificationTime = modified;
                    tar.WriteEntry(entry);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The sos plugin that copies <c>/var/log</c>, under whose <c>sos_strings</c> folder a log's tail goes.</summary>
    private const string LogsPlugin = "logs";

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Folder = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static string SafeName(string hostname) =>
        new(hostname.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
}
