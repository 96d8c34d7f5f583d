namespace Advisor.Parsing;

/// <summary>Recognises the error messages that sos captures in place of a command's output.</summary>
public static class CommandErrorText
{
    private static readonly string[] Markers =
    [
        "command not found",
        "No such file or directory",
        "Permission denied",
        "not permitted",
        "Operation not supported",
        "timed out",
        "cannot open",
        "Cannot open",
        "No SMBIOS nor DMI entry point found",
        "Traceback (most recent call last)",
        "Segmentation fault",
    ];

    /// <summary>The first line of <paramref name="lines"/> if it reads like an error message rather than output.</summary>
    public static (int Line, string Text)? FindError(TextLines lines, int maxLinesToCheck = 3)
    {
        foreach (var (number, text) in lines.Numbered().Take(maxLinesToCheck))
        {
            if (Markers.Any(m => text.Contains(m, StringComparison.Ordinal)))
            {
                return (number, text.Trim());
            }
        }

        return null;
    }

    /// <summary>Unusable result for an empty file or one holding an error message; null when the text looks like output.</summary>
    public static ParseResult<T>? CheckUsable<T>(TextLines lines)
    {
        if (lines.IsBlank)
        {
            return ParseResult<T>.Unusable($"{lines.Path} is empty");
        }

        if (FindError(lines) is { } error)
        {
            return ParseResult<T>.Unusable($"{lines.Path} holds an error message instead of output: {error.Text}", lines.EvidenceAt(error.Line));
        }

        return null;
    }
}
