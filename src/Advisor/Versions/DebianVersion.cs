namespace Advisor.Versions;

/// <summary>Debian policy §5.6.12: <c>[epoch:]upstream[-revision]</c>, compared part by part with dpkg's rules.</summary>
public static class DebianVersion
{
    public static int Compare(string a, string b)
    {
        var (epochA, upstreamA, revisionA) = Split(a);
        var (epochB, upstreamB, revisionB) = Split(b);
        var epoch = RpmVersion.CompareDigits(epochA, epochB);
        if (epoch != 0) return epoch;
        var upstream = ComparePart(upstreamA, upstreamB);
        return upstream != 0 ? upstream : ComparePart(revisionA, revisionB);
    }

    private static (string Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':');
        var epoch = colon > 0 && version[..colon].All(char.IsAsciiDigit) ? version[..colon] : "0";
        var rest = colon > 0 ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return dash > 0 ? (epoch, rest[..dash], rest[(dash + 1)..]) : (epoch, rest, "0");
    }

    /// <summary>dpkg's verrevcmp: non-digit runs by a modified ASCII order (~ first, letters before others), then digit runs numerically.</summary>
    private static int ComparePart(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiDigit(a[i]) || j < b.Length && !char.IsAsciiDigit(b[j]))
            {
                var orderA = i < a.Length && !char.IsAsciiDigit(a[i]) ? Order(a[i]) : 0;
                var orderB = j < b.Length && !char.IsAsciiDigit(b[j]) ? Order(b[j]) : 0;
                if (orderA != orderB) return orderA > orderB ? 1 : -1;
                if (i < a.Length && !char.IsAsciiDigit(a[i])) i++;
                if (j < b.Length && !char.IsAsciiDigit(b[j])) j++;
                if (orderA == 0 && orderB == 0) break;
            }

            var startA = i;
            var startB = j;
            while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
            while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            var digits = RpmVersion.CompareDigits(a[startA..i], b[startB..j]);
            if (digits != 0) return digits;
        }

        return 0;
    }

    private static int Order(char c) => c switch
    {
        '~' => -1,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };
}
