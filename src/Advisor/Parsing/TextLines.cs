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
    }

    public string Path { get; }
    public bool Truncated { get; }
    public int Count => lines.Length;

    /// <summary>Line <paramref name="number"/>, 1-based.</summary>
    public string this[int number] => lines[number - 1];

    public IEnumerable<(int Number, string Text)> Numbered()
    {
        for (var i = 0; i < lines.Length; i++)
        {
            yield return (i + 1, lines[i]);
        }
    }

    public Evidence EvidenceAt(int number) => new(Path, number, lines[number - 1].Trim());

    public bool IsBlank => lines.All(string.IsNullOrWhiteSpace);
}
