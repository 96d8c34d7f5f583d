using Advisor.Bundles;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>A captured file split into numbered lines, tolerant of CRLF and a missing final newline.</summary>
public sealed class TextLines
{
    private readonly string[] lines;

    public TextLines(string path, string text)
    {
        Path = path;
        lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }
    }

    public TextLines(CapturedFile file) : this(file.Path, file.Text)
    {
        Truncated = file.Truncated;
        Gap = file.Gap;
    }

    public string Path { get; }
    public bool Truncated { get; }

    /// <summary>The lines a log's capture left out between its start and its end; line numbers count them.</summary>
    public LineGap? Gap { get; }

    /// <summary>How many lines were captured (with a <see cref="Gap"/>, fewer than the last line's number).</summary>
    public int Count => lines.Length;

    /// <summary>Line <paramref name="number"/> of the file, 1-based.</summary>
    public string this[int number] => lines[IndexOf(number)];

    /// <summary>The captured lines with their numbers in the file.</summary>
    public IEnumerable<(int Number, string Text)> Numbered()
    {
        for (var i = 0; i < lines.Length; i++)
        {
            yield return (NumberOf(i), lines[i]);
        }
    }

    public Evidence EvidenceAt(int number) => new(Path, number, lines[IndexOf(number)].Trim());

    private int NumberOf(int index) => Gap is { } gap && index >= gap.AfterLine ? (int)(index + 1 + gap.SkippedLines) : index + 1;

    private int IndexOf(int number)
    {
        if (Gap is not { } gap || number <= gap.AfterLine) return number - 1;
        if (number <= gap.AfterLine + gap.SkippedLines)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"line {number} of {Path} is in the part not captured");
        }

        return (int)(number - 1 - gap.SkippedLines);
    }

    public bool IsBlank => lines.All(string.IsNullOrWhiteSpace);
}
