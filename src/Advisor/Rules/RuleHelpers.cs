using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>Functions rule expressions may call as <c>Helpers.Name(…)</c>, for what expressions cannot say cleanly.</summary>
public static partial class Helpers
{
    /// <summary>True when <paramref name="value"/> equals one of the comma-separated <paramref name="choices"/>.</summary>
    public static bool IsOneOf(string? value, string choices) =>
        value is not null && choices.Split(',', StringSplitOptions.TrimEntries).Contains(value, StringComparer.Ordinal);

    /// <summary>True when the list holds <paramref name="item"/>.</summary>
    public static bool Has(IEnumerable<string>? list, string item) => list is not null && list.Contains(item, StringComparer.Ordinal);

    /// <summary>Expands a kernel CPU list (<c>0-3,8,10-11</c>) to its CPU numbers; malformed parts are ignored.</summary>
    public static IReadOnlyList<int> ExpandCpuList(string? list) => CpuList.Expand(list);

    /// <summary>Number of CPUs in a kernel CPU list.</summary>
    public static int CpuCount(string? list) => CpuList.Count(list);

    /// <summary>True when every CPU of <paramref name="list"/> is in <paramref name="within"/>.</summary>
    public static bool CpusWithin(string? list, string? within) => CpuList.IsSubsetOf(list, within);

    /// <summary>True when the two CPU lists share a CPU.</summary>
    public static bool CpusOverlap(string? a, string? b) => CpuList.Overlaps(a, b);

    /// <summary>Debian version ordering (dpkg): negative, zero or positive.</summary>
    public static int CompareDebian(string a, string b) => Versions.DebianVersion.Compare(a, b);

    /// <summary>RPM version ordering (rpmvercmp): negative, zero or positive.</summary>
    public static int CompareRpm(string a, string b) => Versions.RpmVersion.Compare(a, b);
}
