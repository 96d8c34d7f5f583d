namespace Advisor.Bundles;

/// <summary>
/// Names what a file that is no bundle is, from its first bytes, when it is something a bundle is often mistaken
/// for — an encrypted sosreport, a zip from a ticket's attachment, the HTML page of a failed download — so the
/// error says what to do instead of only "not a bundle".
/// </summary>
public static class OtherFileKinds
{
    /// <summary>What the file is and what to do with it, or null for data of no kind named here.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return "a zip archive: unzip it and ingest what it holds";
        if (head.StartsWith("7z\xBC\xAF\x27\x1C"u8)) return "a 7-Zip archive: unpack it (7z x) and ingest what it holds";
        if (head.StartsWith("Rar!\x1A\x07"u8)) return "a RAR archive: unpack it and ingest what it holds";
        if (head.StartsWith("\x04\x22\x4D\x18"u8)) return "lz4-compressed: decompress it (lz4 -d) and ingest the tar";

        // the .lzma format (xz --format=lzma) has no magic; xz's default properties byte and its unknown-size mark say it
        if (head.Length >= 13 && head[0] == 0x5D && head.Slice(5, 8).IndexOfAnyExcept((byte)0xFF) < 0)
        {
            return "lzma-compressed (.lzma, not .xz): decompress it (xz -d) and ingest the tar";
        }

        if (head.StartsWith("-----BEGIN PGP MESSAGE-----"u8) || IsOpenPgpEncrypted(head))
        {
            return "encrypted with GPG (sos --encrypt-pass or --encrypt-key): decrypt it first (gpg -o bundle.tar.xz -d <file>) and ingest that";
        }

        if (IsChecksum(head)) return "a checksum (what sos writes beside its archive as <archive>.sha256 or .md5): ingest the archive it names";
        return IsHtml(head) ? "an HTML page (a download that failed or asked for a login?)" : null;
    }

    /// <summary>True for a whole file of one hex digest of MD5 to SHA-512 length, with or without the <c>  name</c> of sha256sum.</summary>
    private static bool IsChecksum(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 512) return false;
        var digest = head.IndexOfAny(" \n"u8) is var end and >= 0 ? head[..end] : head;
        return digest.Length is 32 or 40 or 64 or 128 && !digest.ContainsAnyExcept("0123456789abcdefABCDEF"u8);
    }

    /// <summary>
    /// True when the data opens with the packet an OpenPGP encrypted message starts with (RFC 9580 §4, §5.1,
    /// §5.3): a session key encrypted to a public key (tag 1, version 3 or 6) or to a passphrase (tag 3, version
    /// 4 to 6), in the old or the new packet format.
    /// </summary>
    private static bool IsOpenPgpEncrypted(ReadOnlySpan<byte> head)
    {
        if (head.Length < 3 || (head[0] & 0x80) == 0) return false;
        int tag, lengthBytes;
        if ((head[0] & 0x40) != 0)
        {
            tag = head[0] & 0x3F;
            lengthBytes = head[1] switch { < 192 => 1, < 224 => 2, 255 => 5, _ => -1 };
        }
        else
        {
            tag = (head[0] >> 2) & 0x0F;
            lengthBytes = (head[0] & 3) switch { 0 => 1, 1 => 2, 2 => 4, _ => -1 };
        }

        if (lengthBytes < 0 || head.Length <= 1 + lengthBytes) return false;
        var version = head[1 + lengthBytes];
        return (tag == 1 && version is 3 or 6) || (tag == 3 && version is >= 4 and <= 6);
    }

    private static bool IsHtml(ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart("\xEF\xBB\xBF"u8).TrimStart(" \t\r\n"u8);
        return StartsWithIgnoringCase(text, "<!doctype html"u8) || StartsWithIgnoringCase(text, "<html"u8);
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
