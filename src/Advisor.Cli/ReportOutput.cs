namespace Advisor.Cli;

/// <summary>Writes a command's main output (a report, a diff, an export) to a file or to standard output.</summary>
public static class ReportOutput
{
    /// <summary>Writes <paramref name="text"/>; returns why it could not, or null. Standard output is locked so batch reports never interleave.</summary>
    public static string? TryWrite(string text, string? path, CliConsole console)
    {
        if (path is null)
        {
            lock (console.Out)
            {
                console.Out.Write(text);
            }

            return null;
        }

        if (FolderInstead(path, console) is { } folder)
        {
            return folder;
        }

        try
        {
            File.WriteAllText(Path.GetFullPath(path, console.WorkingDirectory), text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: cannot write the report ({e.Message})";
        }
    }

    /// <summary>Why <paramref name="path"/> cannot take a report because it is a folder, or null.</summary>
    public static string? FolderInstead(string path, CliConsole console) =>
        Directory.Exists(Path.GetFullPath(path, console.WorkingDirectory)) ? $"{path}: is a folder; name a file to write to" : null;

    /// <summary>Writes <paramref name="text"/>, or reports the one-line reason it could not and returns false.</summary>
    public static bool Write(string text, string? path, CliConsole console)
    {
        if (TryWrite(text, path, console) is not { } error) return true;
        console.Fail(error);
        return false;
    }
}
