using System.Security.Cryptography;
using System.Text;
using Advisor.Bundles;

namespace Advisor.Collection;

/// <summary>
/// Everything one live read captured, laid out as a sosreport: what <c>ingest --live</c> analyses and what
/// <c>collect</c> writes to a tar.xz. Its id is a SHA-256 over the paths, link targets and contents.
/// </summary>
public sealed class LiveSnapshot
{
    public LiveSnapshot(string hostname, DateTime takenAtUtc, IEnumerable<LiveItem> items, IReadOnlyList<string> warnings)
    {
        Hostname = hostname;
        TakenAtUtc = takenAtUtc;
        Items = items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        Warnings = warnings;
        Id = HashOf(Items);
    }

    public string Hostname { get; }
    public DateTime TakenAtUtc { get; }

    /// <summary>Folders, symlinks and files, ordered by path.</summary>
    public IReadOnlyList<LiveItem> Items { get; }

    /// <summary>What could not be collected: commands missing, failed or timed out, files unreadable.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public string Id { get; }

    /// <summary>The name reports show for a live read: <c>live:&lt;hostname&gt;</c>.</summary>
    public string DisplayName => $"live:{Hostname}";

    /// <summary>
    /// The snapshot as the bundle reader would have read it from an archive: same entries, captured files, and the
    /// sos manifest applied through the archive reader's own code path.
    /// </summary>
    public BundleContents ToContents()
    {
        var contents = new BundleContents { Format = BundleFormat.Live, Decoder = "none (live host)" };
        foreach (var item in Items)
        {
            var size = item.Content?.LongLength ?? 0;
            contents.AddEntry(new BundleEntry(item.Path, item.Kind, size, item.LinkTarget));
            if (item.Content is { } bytes)
            {
                contents.AddCaptured(new CapturedFile(item.Path, BundleText.Decode(bytes), size, item.Truncated));
            }
        }

        BundleReader.Finish(contents);
        contents.Warnings.InsertRange(0, Warnings);
        return contents;
    }

    private static string HashOf(IReadOnlyList<LiveItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{item.Path}\0{item.Kind}\0{item.LinkTarget}\0{item.Content?.Length}\n"));
            if (item.Content is { } bytes) hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
