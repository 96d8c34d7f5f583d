using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Advisor.Cli;

/// <summary>
/// How much of a bundle was read, beside its bar: <c>42% 1.2/3.0 MiB</c> for a file, then its size once read; the
/// bytes read so far for a pipe, whose length is unknown; nothing for an unpacked folder, which has no one size.
/// </summary>
public sealed class BundleSizeColumn : ProgressColumn
{
    private const string LengthKey = "length";
    private const string ReadKey = "read";

    /// <summary>Records what <paramref name="task"/>'s bundle has had read of its length (0: unknown).</summary>
    public static void Update(ProgressTask task, long length, long read)
    {
        task.State.Update<long>(LengthKey, _ => length);
        task.State.Update<long>(ReadKey, _ => read);
    }

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var length = task.State.Get<long>(LengthKey);
        var read = task.State.Get<long>(ReadKey);
        if (length > 0)
        {
            var percent = (int)Math.Floor(100.0 * Math.Min(read, length) / length);
            var text = task.IsFinished || read >= length ? $"{percent,3}% {Size(length)}" : $"{percent,3}% {Size(read, length)}/{Size(length)}";
            return new Text(text);
        }

        return read > 0 ? new Text(Size(read)) : Text.Empty;
    }

    /// <summary>The size in the unit of <paramref name="scale"/> (by default its own): 1.2 MiB, or 1.2 for 1.2/3.0 MiB.</summary>
    private static string Size(long bytes, long? scale = null)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        for (var of = scale ?? bytes; of >= 1024 && unit < units.Length - 1; of /= 1024) unit++;
        var value = bytes / Math.Pow(1024, unit);
        var number = unit == 0 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
        return scale is null ? $"{number} {units[unit]}" : number;
    }
}
