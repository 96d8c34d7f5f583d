namespace Advisor.Bundles;

/// <summary>
/// How sos keeps a file or a command's output that is over its size limit (<c>--log-size</c>, 25 MB by default): by
/// its end, written to <c>sos_strings/&lt;plugin&gt;/&lt;name&gt;.tailed</c>, with a symlink to it where the whole
/// would have been (sos/report/plugins/__init__.py, <c>add_copy_spec</c>). A copied file's name is its path with each
/// <c>/</c> turned into <c>.</c>: <c>var/log/kern.log</c> → <c>sos_strings/logs/var.log.kern.log.tailed</c>; a command's
/// is its output file's name: <c>sos_commands/kernel/dmesg</c> → <c>sos_strings/kernel/dmesg.tailed</c>.
/// </summary>
public static class SosTail
{
    public const string Folder = "sos_strings/";
    public const string Suffix = ".tailed";

    /// <summary>True for <c>sos_strings/&lt;plugin&gt;/…/&lt;name&gt;.tailed</c>.</summary>
    public static bool IsTail(ReadOnlySpan<char> path) => TryParse(path, out _, out _);

    /// <summary>
    /// The plugin's folder (with the subfolder a command's output had, as in <c>networking/namespaces</c>) and the name
    /// of a tail's path; false for any other path.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> path, out ReadOnlySpan<char> plugin, out ReadOnlySpan<char> name)
    {
        plugin = name = default;
        if (!path.StartsWith(Folder, StringComparison.Ordinal) || !path.EndsWith(Suffix, StringComparison.Ordinal)) return false;
        var rest = path[Folder.Length..^Suffix.Length];
        var slash = rest.LastIndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1) return false;
        plugin = rest[..slash];
        name = rest[(slash + 1)..];
        return true;
    }

    /// <summary>The name sos gives a copied file's tail: <c>var.log.kern.log</c> for <c>var/log/kern.log</c>.</summary>
    public static string CopiedFileName(string path) => path.Replace('/', '.');

    /// <summary>Where sos writes the tail of a copied file: <c>sos_strings/logs/var.log.kern.log.tailed</c>.</summary>
    public static string OfCopiedFile(string plugin, string path) => $"{Folder}{plugin}/{CopiedFileName(path)}{Suffix}";

    /// <summary>The command output a tail's plugin and name stand for: <c>sos_commands/kernel/dmesg</c>.</summary>
    public static string CommandOutputPath(ReadOnlySpan<char> plugin, ReadOnlySpan<char> name) => $"sos_commands/{plugin}/{name}";
}
