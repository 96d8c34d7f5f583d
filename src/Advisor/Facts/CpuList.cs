using System.Globalization;

namespace Advisor.Facts;

/// <summary>Kernel CPU-list arithmetic: <c>0-3,8,10-11</c> ⇄ CPU numbers.</summary>
public static class CpuList
{
    /// <summary>More CPUs than any kernel supports: a range wider than this is treated as malformed.</summary>
    private const int MaxRange = 65536;

    /// <summary>Expands a CPU list (<c>0-3,8,10-11</c>, also strided <c>0-7:2</c>) to sorted CPU numbers; malformed parts are ignored.</summary>
    public static List<int> Expand(string? list)
    {
        var cpus = new SortedSet<int>();
        if (string.IsNullOrWhiteSpace(list)) return [];
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part;
            var stride = 1;
            var colon = part.IndexOf(':');
            if (colon > 0)
            {
                range = part[..colon];
                if (!int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out stride) || stride < 1) continue;
            }

            var dash = range.IndexOf('-');
            if (dash < 0)
            {
                if (int.TryParse(range, NumberStyles.None, CultureInfo.InvariantCulture, out var single)) cpus.Add(single);
            }
            else if (int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                     && int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                     && from <= to && to - from < MaxRange)
            {
                for (var cpu = from; cpu <= to; cpu += stride) cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    /// <summary>Formats CPU numbers the way the kernel does: <c>0-3,8,10-11</c>.</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var start = i;
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1) i++;
            parts.Add(start == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : $"{sorted[start]}-{sorted[i]}");
            i++;
        }

        return string.Join(',', parts);
    }

    public static int Count(string? list) => Expand(list).Count;

    /// <summary>True when every CPU of <paramref name="list"/> is in <paramref name="within"/> (and the list is not empty).</summary>
    public static bool IsSubsetOf(string? list, string? within)
    {
        var cpus = Expand(list);
        var allowed = Expand(within).ToHashSet();
        return cpus.Count > 0 && cpus.All(allowed.Contains);
    }

    /// <summary>True when the two lists share at least one CPU.</summary>
    public static bool Overlaps(string? a, string? b) => Expand(a).Intersect(Expand(b)).Any();

    /// <summary>Parses a hexadecimal CPU mask as in <c>smp_affinity</c> (<c>ff,ffffffff</c>) to CPU numbers.</summary>
    public static List<int> FromMask(string? mask)
    {
        var cpus = new List<int>();
        if (string.IsNullOrWhiteSpace(mask)) return cpus;
        var hex = mask.Replace(",", "", StringComparison.Ordinal).Trim();
        var bit = 0;
        for (var i = hex.Length - 1; i >= 0; i--)
        {
            var nibble = Convert.ToInt32(char.IsAsciiHexDigit(hex[i]) ? hex[i].ToString() : "0", 16);
            for (var b = 0; b < 4; b++, bit++)
            {
                if ((nibble & (1 << b)) != 0) cpus.Add(bit);
            }
        }

        return cpus;
    }
}
