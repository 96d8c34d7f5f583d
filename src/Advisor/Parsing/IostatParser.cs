using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>iostat -x</c> in every sysstat layout: ≤ 10 (<c>avgrq-sz</c> in sectors, <c>avgqu-sz</c>, <c>svctm</c>), 11.x
/// (<c>rareq-sz</c>/<c>wareq-sz</c> in kB, <c>aqu-sz</c>) and 12.x (adds discard and flush columns). Each
/// <c>Device</c> header starts a report; each report's rows become normalised <see cref="IostatRecord"/>s.
/// </summary>
public static class IostatParser
{
    /// <summary>True when some line is an extended-statistics header (<c>Device</c> … <c>r/s</c>).</summary>
    public static bool LooksLikeIostat(TextLines lines) => lines.Numbered().Any(l => IsHeader(l.Text));

    public static ParseResult<List<IostatRecord>> Parse(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<List<IostatRecord>>(lines) is { } unusable) return unusable;
        var records = new List<IostatRecord>();
        string[]? columns = null;
        var report = 0;
        foreach (var (number, text) in lines.Numbered())
        {
            if (IsHeader(text))
            {
                columns = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                report++;
                continue;
            }

            if (columns is null) continue;
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || text.StartsWith("avg-cpu", StringComparison.Ordinal))
            {
                columns = null;
                continue;
            }

            if (fields.Length < 2) continue;
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 1; i < fields.Length && i < columns.Length; i++)
            {
                if (Number(fields[i]) is { } value) values[columns[i]] = value;
            }

            if (values.Count == 0) continue; // a truncated or foreign line
            records.Add(Normalise(fields[0], report, values, lines.EvidenceAt(number)));
        }

        if (report == 0)
        {
            return ParseResult<List<IostatRecord>>.Unusable($"{lines.Path} has no 'Device … r/s' header", lines.EvidenceAt(1));
        }

        return ParseResult<List<IostatRecord>>.Ok(records);
    }

    private static IostatRecord Normalise(string device, int report, Dictionary<string, double> v, Evidence source)
    {
        double? Get(string name) => v.TryGetValue(name, out var value) ? value : null;
        double? Half(double? sectors) => sectors / 2;
        var reads = Get("r/s");
        var writes = Get("w/s");
        var readKiB = Get("rkB/s") ?? Half(Get("rsec/s")) ?? Get("rMB/s") * 1024;
        var writeKiB = Get("wkB/s") ?? Half(Get("wsec/s")) ?? Get("wMB/s") * 1024;
        var record = new IostatRecord
        {
            Device = device,
            Report = report,
            Layout = v.ContainsKey("avgrq-sz") ? "sysstat10" : "sysstat11",
            ReadsPerSecond = reads,
            WritesPerSecond = writes,
            ReadKiBPerSecond = readKiB,
            WriteKiBPerSecond = writeKiB,
            ReadMergesPerSecond = Get("rrqm/s"),
            WriteMergesPerSecond = Get("wrqm/s"),
            AverageReadRequestKiB = Get("rareq-sz"),
            AverageWriteRequestKiB = Get("wareq-sz"),
            AverageQueueSize = Get("avgqu-sz") ?? Get("aqu-sz"),
            ReadAwait = Get("r_await"),
            WriteAwait = Get("w_await"),
            Await = Get("await"),
            ServiceTime = Get("svctm"),
            Utilization = Get("%util"),
            Source = source,
        };
        var requests = (reads ?? 0) + (writes ?? 0);
        if (Get("avgrq-sz") is { } sectors)
        {
            record.AverageRequestKiB = sectors / 2;
        }
        else if (record.AverageReadRequestKiB is not null || record.AverageWriteRequestKiB is not null)
        {
            record.AverageRequestKiB = requests > 0
                ? Math.Round(((reads ?? 0) * (record.AverageReadRequestKiB ?? 0) + (writes ?? 0) * (record.AverageWriteRequestKiB ?? 0)) / requests, 2)
                : 0;
        }
        else if (readKiB is not null || writeKiB is not null)
        {
            record.AverageRequestKiB = requests > 0 ? Math.Round(((readKiB ?? 0) + (writeKiB ?? 0)) / requests, 2) : 0;
        }

        if (record.Await is null && (record.ReadAwait is not null || record.WriteAwait is not null))
        {
            record.Await = requests > 0
                ? Math.Round(((reads ?? 0) * (record.ReadAwait ?? 0) + (writes ?? 0) * (record.WriteAwait ?? 0)) / requests, 2)
                : 0;
        }

        return record;
    }

    private static bool IsHeader(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith("Device", StringComparison.Ordinal)) return false;
        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words[0] is "Device" or "Device:" && words.Contains("r/s");
    }

    /// <summary>A number in the C locale, or with a decimal comma as sysstat prints under some locales.</summary>
    private static double? Number(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        return text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal)
            && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            ? value
            : null;
    }
}
