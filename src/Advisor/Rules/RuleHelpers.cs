namespace Advisor.Rules;

/// <summary>Functions rule expressions may call as <c>Helpers.Name(…)</c>, for what expressions cannot say cleanly.</summary>
public static class Helpers
{
    /// <summary>True when <paramref name="value"/> equals one of the comma-separated <paramref name="choices"/>.</summary>
    public static bool IsOneOf(string? value, string choices) =>
        value is not null && choices.Split(',', StringSplitOptions.TrimEntries).Contains(value, StringComparer.Ordinal);

    /// <summary>True when the list holds <paramref name="item"/>.</summary>
    public static bool Has(IEnumerable<string>? list, string item) => list is not null && list.Contains(item, StringComparer.Ordinal);

    /// <summary>Expands a kernel CPU list (<c>0-3,8,10-11</c>) to its CPU numbers; malformed parts are ignored.</summary>
    public static IReadOnlyList<int> ExpandCpuList(string? list)
    {
        var cpus = new SortedSet<int>();
        if (string.IsNullOrWhiteSpace(list)) return [];
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (int.TryParse(part, out var single)) cpus.Add(single);
            }
            else if (int.TryParse(part[..dash], out var from) && int.TryParse(part[(dash + 1)..], out var to) && from <= to && to - from < 65536)
            {
                for (var cpu = from; cpu <= to; cpu++) cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    /// <summary>Number of CPUs in a kernel CPU list.</summary>
    public static int CpuCount(string? list) => ExpandCpuList(list).Count;
}
