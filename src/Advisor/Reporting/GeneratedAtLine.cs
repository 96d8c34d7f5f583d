using System.Globalization;
using System.Text.RegularExpressions;

namespace Advisor.Reporting;

/// <summary>
/// The one line of a report that differs between two runs over the same bundle and rules: when it was made and,
/// in the engineer audience, how long each stage took. Everything else is byte-identical (tests compare reports
/// with <see cref="Remove"/>).
/// </summary>
public static partial class GeneratedAtLine
{
    /// <summary>The Markdown (and so HTML) line: <c>Generated at 2026-11-23 06:52 UTC by Advisor 0.1.0; timings: read 12 ms, …</c>.</summary>
    public static string Markdown(ReportInput input, ReportAudience audience)
    {
        var line = $"Generated at {Timestamp(input.GeneratedAt)} by Advisor {AdvisorVersion.Text}";
        if (audience == ReportAudience.Engineer && input.Timings is { Count: > 0 } timings)
        {
            line += "; timings: " + string.Join(", ", timings.Select(t => $"{t.Key} {t.Value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"));
        }

        return line + ".";
    }

    public static string Timestamp(DateTime generatedAt) =>
        generatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The report without its generated-at line, in any format: the Markdown/HTML line starting with
    /// "Generated at", the JSON report's <c>"generatedAt"</c> line and the SARIF log's <c>"endTimeUtc"</c> line.
    /// </summary>
    public static string Remove(string report) => Pattern().Replace(report, "");

    [GeneratedRegex(@"^(?:(?:<p>)?Generated at .*|\s*""(?:generatedAt|endTimeUtc)"": .*)\n", RegexOptions.Multiline)]
    private static partial Regex Pattern();
}
