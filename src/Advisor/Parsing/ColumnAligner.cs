namespace Advisor.Parsing;

/// <summary>
/// Splits rows of a fixed-width table whose cells may be blank (lvs, lsblk): each word of a row goes to the
/// column whose right-aligned header ends where the word ends, else to the last column starting at or before it.
/// </summary>
public sealed class ColumnAligner
{
    private readonly List<(string Name, int Start, int End)> columns = [];

    /// <param name="header">The header line.</param>
    /// <param name="multiWordNames">Headers containing a space, e.g. <c>LV Tags</c>.</param>
    public ColumnAligner(string header, params string[] multiWordNames)
    {
        var i = 0;
        while (i < header.Length)
        {
            if (header[i] == ' ')
            {
                i++;
                continue;
            }

            var name = multiWordNames.FirstOrDefault(n => string.CompareOrdinal(header, i, n, 0, n.Length) == 0);
            var end = name is not null ? i + name.Length : header.IndexOf(' ', i) is var space and >= 0 ? space : header.Length;
            columns.Add((header[i..end], i, end));
            i = end;
        }
    }

    public IReadOnlyList<string> Names => columns.Select(c => c.Name).ToList();

    public Dictionary<string, string> Split(string row)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < row.Length)
        {
            if (row[i] == ' ')
            {
                i++;
                continue;
            }

            var end = row.IndexOf(' ', i) is var space and >= 0 ? space : row.Length;
            var column = columns.FindIndex(c => c.End == end);
            if (column < 0) column = columns.FindLastIndex(c => c.Start <= i);
            if (column < 0) column = 0;
            var name = columns[column].Name;
            cells[name] = cells.TryGetValue(name, out var existing) ? $"{existing} {row[i..end]}" : row[i..end];
            i = end;
        }

        return cells;
    }
}
