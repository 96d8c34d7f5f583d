namespace Advisor.Facts;

/// <summary>
/// One device row of one <c>iostat -x</c> report, normalised across sysstat versions: sysstat ≤ 10 gives
/// <c>avgrq-sz</c> in 512-byte sectors, 11.x/12.x give <c>rareq-sz</c>/<c>wareq-sz</c> in kB; both end up in
/// <see cref="AverageRequestKiB"/>. A value the version does not print is null.
/// </summary>
public sealed class IostatRecord
{
    public string Device { get; set; } = "";

    /// <summary>1 for the first report (averages since boot), 2… for the interval reports.</summary>
    public int Report { get; set; }

    /// <summary><c>sysstat10</c> (avgrq-sz, avgqu-sz, svctm) or <c>sysstat11</c> (rareq-sz, wareq-sz, aqu-sz).</summary>
    public string Layout { get; set; } = "";

    public double? ReadsPerSecond { get; set; }
    public double? WritesPerSecond { get; set; }
    public double? ReadKiBPerSecond { get; set; }
    public double? WriteKiBPerSecond { get; set; }
    public double? ReadMergesPerSecond { get; set; }
    public double? WriteMergesPerSecond { get; set; }

    /// <summary>Average request size in KiB over reads and writes (from avgrq-sz/2, or the r/w-weighted rareq-sz and wareq-sz).</summary>
    public double? AverageRequestKiB { get; set; }
    public double? AverageReadRequestKiB { get; set; }
    public double? AverageWriteRequestKiB { get; set; }

    /// <summary>avgqu-sz or aqu-sz.</summary>
    public double? AverageQueueSize { get; set; }
    public double? Await { get; set; }
    public double? ReadAwait { get; set; }
    public double? WriteAwait { get; set; }
    /// <summary>svctm (sysstat ≤ 11 only).</summary>
    public double? ServiceTime { get; set; }
    public double? Utilization { get; set; }

    public Evidence Source { get; set; } = new("", 0, "");

    /// <summary>The row as a fact, for evidence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Fact<string>.Of(Source.Text, Source);

    /// <summary>Total throughput in KiB/s.</summary>
    public double KiBPerSecond => (ReadKiBPerSecond ?? 0) + (WriteKiBPerSecond ?? 0);

    /// <summary>Total requests per second.</summary>
    public double RequestsPerSecond => (ReadsPerSecond ?? 0) + (WritesPerSecond ?? 0);
}
