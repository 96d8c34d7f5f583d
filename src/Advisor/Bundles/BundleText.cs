using System.Text;

namespace Advisor.Bundles;

/// <summary>Turns bundle bytes and member names into text that is safe to keep and to print on one line.</summary>
internal static class BundleText
{
    /// <summary>UTF-8 without a byte-order mark; invalid bytes become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A member name fit for one line of a message: control characters shown as escapes.</summary>
    public static string Printable(string name)
    {
        if (!name.AsSpan().ContainsAnyInRange('\0', '\x1f') && !name.Contains('\x7f')) return name;
        var builder = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            builder.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return builder.ToString();
    }
}
