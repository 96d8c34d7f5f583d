namespace Advisor.Bundles;

/// <summary>
/// The part of a log longer than the capture cap that is kept: its first quarter and its last three quarters (the
/// newest lines), each cut to whole lines. The bytes between are only counted for their newlines as they stream
/// past, so every kept line keeps its number in the file (<see cref="LineGap"/>). Fed front to back by
/// <see cref="ReadFrom"/>, in reads that each stay in one part.
/// </summary>
public sealed class LogWindow
{
    private readonly long size;
    private readonly long startBytes;
    private readonly long endStart;
    private readonly MemoryStream start;
    private readonly MemoryStream end;
    private long position;
    private long newlinesBetween;

    public LogWindow(long size, int cap)
    {
        this.size = size;
        startBytes = cap / 4;
        endStart = size - (cap - startBytes);
        start = new MemoryStream((int)startBytes);
        end = new MemoryStream(cap - (int)startBytes);
    }

    /// <summary>True once the log's listed size was read (a file that grows while it is read stops there).</summary>
    public bool IsComplete => position >= size;

    /// <summary>How much the next read may take, so that it stays in one part: the start, the middle or the end.</summary>
    private int NextReadLength(int bufferLength)
    {
        var upTo = position < startBytes ? startBytes : position < endStart ? endStart : size;
        return (int)Math.Min(bufferLength, upTo - position);
    }

    /// <summary>
    /// Feeds the window from <paramref name="data"/> through <paramref name="buffer"/> until the log's listed size or
    /// the stream's end; what was fed stays kept if the stream throws.
    /// </summary>
    public void ReadFrom(Stream data, byte[] buffer)
    {
        while (!IsComplete)
        {
            var n = data.Read(buffer, 0, NextReadLength(buffer.Length));
            if (n == 0) break;
            Append(buffer.AsSpan(0, n));
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (position < startBytes) start.Write(bytes);
        else if (position < endStart) newlinesBetween += bytes.Count((byte)'\n');
        else end.Write(bytes);
        position += bytes.Length;
    }

    /// <summary>What was kept, as a captured file with its gap (also for a read that stopped early).</summary>
    public CapturedFile ToCapturedFile(string path)
    {
        var startPart = start.GetBuffer().AsSpan(0, (int)start.Length);
        var keptStart = startPart[..(startPart.LastIndexOf((byte)'\n') + 1)];
        var keptEnd = KeptEnd;
        var startText = BundleText.Decode(keptStart);
        var gap = new LineGap(
            AfterLine: keptStart.Count((byte)'\n'),
            // the partial line the end part starts with, when it has a newline at all
            SkippedLines: newlinesBetween + (EndPart.Contains((byte)'\n') ? 1 : 0),
            SkippedBytes: size - keptStart.Length - keptEnd.Length,
            TextOffset: startText.Length);
        return new CapturedFile(path, startText + BundleText.Decode(keptEnd), size, Truncated: true, gap);
    }

    /// <summary>The kept end alone, as bytes: the newest whole lines, from the first line that begins in the end part.</summary>
    public byte[] KeptEndBytes() => KeptEnd.ToArray();

    private ReadOnlySpan<byte> EndPart => end.GetBuffer().AsSpan(0, (int)end.Length);

    private ReadOnlySpan<byte> KeptEnd => EndPart.IndexOf((byte)'\n') is var firstNewline and >= 0 ? EndPart[(firstNewline + 1)..] : [];
}
