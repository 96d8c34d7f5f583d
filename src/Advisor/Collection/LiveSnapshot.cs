using Advisor.Bundles;

namespace Advisor.Collection;

/// <summary>
/// Everything one live read captured, laid out as a sosreport: what <c>ingest --live</c> analyses and what
/// <c>collect</c> writes to a tar.xz. Its id is its contents' <see cref="BundleContents.ContentHash"/>, as for an unpacked folder.
/// </summary>
public sealed class LiveSnapshot
{
    public LiveSnapshot(string hostname, DateTime takenAtUtc, IEnumerable<LiveItem> items, IReadOnlyList<string> warnings)
    {
        Hostname = hostname;
        TakenAtUtc = takenAtUtc;
        Items = items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        Warnings = warnings;
    }

    public string Hostname { get; }
    public DateTime TakenAtUtc { get; }

    /// <summary>Folders, symlinks and files, ordered by path.</summary>
    public IReadOnlyList<LiveItem> Items { get; }

    /// <summary>What could not be collected: commands missing, failed or timed out, files unreadable.</summary>
    public IReadOnlyList<string> Warnings { get; }

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
            if (item.Window is { } window)
            {
                contents.AddEntry(new BundleEntry(item.Path, item.Kind, window.Size, null));
                contents.AddCaptured(window);
                continue;
            }

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
}
