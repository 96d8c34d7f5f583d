using System.Text;

namespace Advisor.Tests.Support;

/// <summary>Edits tar headers in place, for names no tar writer produces (invalid UTF-8, control characters).</summary>
public static class TarHeaders
{
    /// <summary>
    /// Replaces the name of the member called <paramref name="placeholder"/> with <paramref name="name"/> (raw bytes,
    /// at most 100) and recomputes the header checksum.
    /// </summary>
    public static void Rename(byte[] tar, string placeholder, byte[] name)
    {
        if (name.Length > 100) throw new ArgumentException("a ustar name field holds at most 100 bytes", nameof(name));
        var wanted = Encoding.ASCII.GetBytes(placeholder);
        for (var header = 0; header + 512 <= tar.Length; header += 512)
        {
            if (!tar.AsSpan(header, wanted.Length).SequenceEqual(wanted) || tar[header + wanted.Length] != 0) continue;
            tar.AsSpan(header, 100).Clear();
            name.CopyTo(tar, header);
            tar.AsSpan(header + 148, 8).Fill((byte)' ');
            var sum = 0;
            for (var i = 0; i < 512; i++) sum += tar[header + i];
            Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, header + 148);
            return;
        }

        throw new InvalidOperationException($"no member named {placeholder}");
    }
}
