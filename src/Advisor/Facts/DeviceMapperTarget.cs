namespace Advisor.Facts;

/// <summary>One line of <c>dmsetup table</c>: <c>name: start length type args…</c>.</summary>
public sealed class DeviceMapperTarget
{
    public string Device { get; set; } = "";
    public long Start { get; set; }
    public long Length { get; set; }
    public string Type { get; set; } = "";
    public string Arguments { get; set; } = "";
    public Evidence Source { get; set; } = new("", 0, "");

    /// <summary>The whole table line as a fact, so rules can cite it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Fact<string> Line => Fact<string>.Of(Source.Text, Source);

    /// <summary>The <c>major:minor</c> device numbers among the arguments (origin, COW, backing devices).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<string> DeviceNumbers => [.. Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsDeviceNumber)];

    /// <summary>True when one argument word equals <paramref name="word"/> (e.g. crypt's <c>no_read_workqueue</c>).</summary>
    public bool HasArgument(string word) => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);

    public bool IsSnapshot => Type is "snapshot" or "snapshot-merge";

    /// <summary>For <c>snapshot &lt;origin&gt; &lt;cow&gt; P|N &lt;chunk&gt;</c> and <c>snapshot-origin &lt;origin&gt;</c>: the origin device number.</summary>
    public string SnapshotOrigin => Type is "snapshot" or "snapshot-merge" or "snapshot-origin" ? Word(0) : "";

    /// <summary>For a snapshot: the COW (exception store) device number.</summary>
    public string SnapshotCow => IsSnapshot ? Word(1) : "";

    /// <summary>For a snapshot: the chunk size in 512-byte sectors, or 0.</summary>
    public int SnapshotChunkSectors => IsSnapshot && int.TryParse(Word(3), System.Globalization.CultureInfo.InvariantCulture, out var chunk) ? chunk : 0;

    /// <summary>For a snapshot: true when persistent (<c>P</c>, or <c>PO</c> with overflow).</summary>
    public bool IsPersistentSnapshot => IsSnapshot && Word(2).StartsWith('P');

    private string Word(int index) => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries) is var words && words.Length > index ? words[index] : "";

    internal static bool IsDeviceNumber(string word)
    {
        var colon = word.IndexOf(':');
        return colon > 0 && colon < word.Length - 1 && word[..colon].All(char.IsAsciiDigit) && word[(colon + 1)..].All(char.IsAsciiDigit);
    }
}
