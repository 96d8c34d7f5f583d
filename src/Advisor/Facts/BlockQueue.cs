namespace Advisor.Facts;

/// <summary>
/// The files of <c>sys/block/&lt;dev&gt;/queue/</c>: the ones rules read as typed facts, and every file as text in
/// <see cref="Attributes"/>.
/// </summary>
public sealed class BlockQueue
{
    public Fact<int> Nomerges { get; set; } = Fact<int>.Missing("no queue/nomerges file");
    public Fact<int> Rotational { get; set; } = Fact<int>.Missing("no queue/rotational file");
    /// <summary>The active scheduler (the bracketed one).</summary>
    public Fact<string> Scheduler { get; set; } = Fact<string>.Missing("no queue/scheduler file");
    /// <summary>Every scheduler the queue offers.</summary>
    public Fact<List<string>> AvailableSchedulers { get; set; } = Fact<List<string>>.Missing("no queue/scheduler file");
    public Fact<int> AddRandom { get; set; } = Fact<int>.Missing("no queue/add_random file");
    public Fact<int> RqAffinity { get; set; } = Fact<int>.Missing("no queue/rq_affinity file");
    public Fact<int> Iostats { get; set; } = Fact<int>.Missing("no queue/iostats file");
    /// <summary><c>write back</c> or <c>write through</c>.</summary>
    public Fact<string> WriteCache { get; set; } = Fact<string>.Missing("no queue/write_cache file");
    public Fact<int> NrRequests { get; set; } = Fact<int>.Missing("no queue/nr_requests file");
    public Fact<int> MaxSectorsKb { get; set; } = Fact<int>.Missing("no queue/max_sectors_kb file");
    public Fact<int> MaxHwSectorsKb { get; set; } = Fact<int>.Missing("no queue/max_hw_sectors_kb file");
    public Fact<int> ReadAheadKb { get; set; } = Fact<int>.Missing("no queue/read_ahead_kb file");
    public Fact<int> LogicalBlockSize { get; set; } = Fact<int>.Missing("no queue/logical_block_size file");
    public Fact<int> PhysicalBlockSize { get; set; } = Fact<int>.Missing("no queue/physical_block_size file");
    public Fact<long> WbtLatUsec { get; set; } = Fact<long>.Missing("no queue/wbt_lat_usec file");

    /// <summary>Every file of the queue folder by name, as its first line of text.</summary>
    public Dictionary<string, Fact<string>> Attributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>One queue file by name; missing when not collected.</summary>
    public Fact<string> Attribute(string name) => Attributes.GetValueOrDefault(name) ?? Fact<string>.Missing($"no queue/{name} file");
}
