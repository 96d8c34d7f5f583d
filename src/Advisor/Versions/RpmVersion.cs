namespace Advisor.Versions;

/// <summary>RPM's <c>rpmvercmp</c>: alternating runs of digits and letters, digits newer than letters, <c>~</c> older than anything, <c>^</c> newer than the end.</summary>
public static class RpmVersion
{
    public static int Compare(string a, string b)
    {
        if (a == b) return 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiLetterOrDigit(a[i]) && a[i] is not '~' and not '^') i++;
            while (j < b.Length && !char.IsAsciiLetterOrDigit(b[j]) && b[j] is not '~' and not '^') j++;

            if (i < a.Length && a[i] == '~' || j < b.Length && b[j] == '~')
            {
                if (i >= a.Length || a[i] != '~') return 1;
                if (j >= b.Length || b[j] != '~') return -1;
                i++;
                j++;
                continue;
            }

            if (i < a.Length && a[i] == '^' || j < b.Length && b[j] == '^')
            {
                if (i >= a.Length) return -1;
                if (j >= b.Length) return 1;
                if (a[i] != '^') return 1;
                if (b[j] != '^') return -1;
                i++;
                j++;
                continue;
            }

            if (i >= a.Length || j >= b.Length) break;

            var numeric = char.IsAsciiDigit(a[i]);
            var startA = i;
            var startB = j;
            if (numeric)
            {
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            }
            else
            {
                while (i < a.Length && char.IsAsciiLetter(a[i])) i++;
                while (j < b.Length && char.IsAsciiLetter(b[j])) j++;
            }

            var segA = a[startA..i];
            var segB = b[startB..j];
            if (segB.Length == 0) return numeric ? 1 : -1; // different kinds of segment: the numeric one is newer
            if (numeric)
            {
                var result = CompareDigits(segA, segB);
                if (result != 0) return result;
            }
            else
            {
                var result = string.CompareOrdinal(segA, segB);
                if (result != 0) return Math.Sign(result);
            }
        }

        var restA = i < a.Length;
        var restB = j < b.Length;
        return restA == restB ? 0 : restA ? 1 : -1;
    }

    /// <summary>
    /// Compares <c>[epoch:]version[-release]</c> as rpm does: epoch numerically (absent = 0), then version, then
    /// release with rpmvercmp; a release missing on either side is not compared.
    /// </summary>
    public static int CompareEvr(string a, string b)
    {
        var (epochA, versionA, releaseA) = SplitEvr(a);
        var (epochB, versionB, releaseB) = SplitEvr(b);
        var epoch = CompareDigits(epochA, epochB);
        if (epoch != 0) return epoch;
        var version = Compare(versionA, versionB);
        if (version != 0 || releaseA.Length == 0 || releaseB.Length == 0) return version;
        return Compare(releaseA, releaseB);
    }

    private static (string Epoch, string Version, string Release) SplitEvr(string evr)
    {
        var colon = evr.IndexOf(':');
        var epoch = colon > 0 && evr[..colon].All(char.IsAsciiDigit) ? evr[..colon] : "0";
        var rest = colon > 0 ? evr[(colon + 1)..] : evr;
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, "");
    }

    internal static int CompareDigits(string a, string b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length) return a.Length > b.Length ? 1 : -1;
        return Math.Sign(string.CompareOrdinal(a, b));
    }
}
