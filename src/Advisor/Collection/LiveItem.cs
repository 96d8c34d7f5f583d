using Advisor.Bundles;

namespace Advisor.Collection;

/// <summary>One captured item of a live read, under the path sos gives it: a folder, a symlink (relative target) or a file.</summary>
/// <param name="Path">The bundle path, e.g. <c>sys/block/sda/queue/nomerges</c> or <c>sos_commands/block/lsblk</c>.</param>
/// <param name="Kind">File, Directory or Symlink.</param>
/// <param name="Content">A file's bytes (at most the cap): what <c>collect</c> writes to its archive.</param>
/// <param name="LinkTarget">A symlink's target, relative to its folder.</param>
/// <param name="Truncated">The file was longer than the cap.</param>
/// <param name="Window">
/// A log longer than the cap: its start and its end with their line numbers in the host's file, what
/// <c>ingest --live</c> analyses, as the bundle reader keeps such a log. <see cref="Content"/> then holds its newest
/// lines alone, which <c>collect</c> writes as sos writes the tail of a log over its size limit (<see cref="SosTail"/>).
/// </param>
public sealed record LiveItem(string Path, BundleEntryKind Kind, byte[]? Content = null, string? LinkTarget = null, bool Truncated = false, CapturedFile? Window = null)
{
    public static LiveItem Folder(string path) => new(path, BundleEntryKind.Directory);

    public static LiveItem Link(string path, string target) => new(path, BundleEntryKind.Symlink, LinkTarget: target);

    public static LiveItem File(string path, byte[] content, bool truncated = false) => new(path, BundleEntryKind.File, content, Truncated: truncated);

    public static LiveItem Log(string path, byte[] newestLines, CapturedFile window) => new(path, BundleEntryKind.File, newestLines, Truncated: true, Window: window);
}
