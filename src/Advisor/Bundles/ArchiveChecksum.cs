using System.Security.Cryptography;

namespace Advisor.Bundles;

/// <summary>
/// The checksum sos writes beside the archive it made: <c>&lt;archive&gt;.sha256</c> (or <c>.md5</c> on older
/// releases), the hex digest and a newline. Checked against the bytes read, it tells an archive damaged or
/// changed after sos wrote it (cut in transfer, re-packed) from one that is as collected.
/// </summary>
public sealed record ArchiveChecksum(string FilePath, HashAlgorithmName Algorithm, string ExpectedHex)
{
    /// <summary>The most of a checksum file that is read: a digest and a file name fit many times over.</summary>
    public const int LongestFile = 4096;

    /// <summary>The extensions sos names its checksum files with, and their digests.</summary>
    private static readonly (string Extension, HashAlgorithmName Algorithm, string Name)[] Kinds =
    [
        (".sha256", HashAlgorithmName.SHA256, "SHA-256"),
        (".sha512", HashAlgorithmName.SHA512, "SHA-512"),
        (".sha1", HashAlgorithmName.SHA1, "SHA-1"),
        (".md5", HashAlgorithmName.MD5, "MD5"),
    ];

    /// <summary>The file names a checksum beside <paramref name="archiveName"/> may have.</summary>
    public static IEnumerable<string> FileNamesFor(string archiveName) => Kinds.Select(kind => archiveName + kind.Extension);

    public string AlgorithmName => Kinds.First(kind => kind.Algorithm == Algorithm).Name;

    /// <summary>
    /// The first checksum file beside <paramref name="archivePath"/> that holds a digest; null when there is none.
    /// A checksum file that cannot be read or holds no digest of its kind is reported in <paramref name="warnings"/>.
    /// </summary>
    public static ArchiveChecksum? FindBeside(string archivePath, List<string> warnings)
    {
        foreach (var (extension, algorithm, name) in Kinds)
        {
            var checksumPath = archivePath + extension;
            if (!File.Exists(checksumPath)) continue;
            string text;
            try
            {
                using var file = File.OpenRead(checksumPath);
                var buffer = new byte[LongestFile];
                text = System.Text.Encoding.ASCII.GetString(buffer, 0, file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"'{Path.GetFileName(checksumPath)}' beside the archive cannot be read ({e.Message}): the archive's {name} was not checked");
                continue;
            }

            if (Parse(checksumPath, algorithm, text, warnings) is { } checksum) return checksum;
        }

        return null;
    }

    /// <summary>The digests a checksum sent inside another archive may hold: what sos writes, SHA-256, or MD5 (older releases).</summary>
    public static readonly HashAlgorithmName[] InsideAlgorithms = [HashAlgorithmName.SHA256, HashAlgorithmName.MD5];

    /// <summary>
    /// For the name of a checksum file sent inside another archive (<c>x.tar.xz.sha256</c>, <c>x.tar.xz.md5</c>): the
    /// archive it is named after and its digest; false for any other name.
    /// </summary>
    public static bool TryParseInsideName(string name, out string archiveName, out HashAlgorithmName algorithm)
    {
        foreach (var (extension, kind, _) in Kinds.Where(k => InsideAlgorithms.Contains(k.Algorithm)))
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.Ordinal))
            {
                archiveName = name[..^extension.Length];
                algorithm = kind;
                return true;
            }
        }

        archiveName = "";
        algorithm = default;
        return false;
    }

    /// <summary>The file name of <paramref name="archiveName"/>'s checksum of <paramref name="algorithm"/>: <c>x.tar.xz.md5</c>.</summary>
    public static string FileNameFor(string archiveName, HashAlgorithmName algorithm) =>
        archiveName + Kinds.First(kind => kind.Algorithm == algorithm).Extension;

    /// <summary>
    /// The checksum of <paramref name="archiveName"/> from the text of its checksum file of <paramref name="algorithm"/>
    /// sent beside it inside another archive; null (and a warning) when the text holds no digest.
    /// </summary>
    public static ArchiveChecksum? ParseInside(string archiveName, HashAlgorithmName algorithm, string text, List<string> warnings) =>
        Parse(FileNameFor(archiveName, algorithm), algorithm, text, warnings);

    private static ArchiveChecksum? Parse(string checksumPath, HashAlgorithmName algorithm, string text, List<string> warnings)
    {
        // "<hex>\n" as sos writes it, or "<hex>  <name>" as sha256sum does
        var digest = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var hexLength = HashLengthInBytes(algorithm) * 2;
        if (digest.Length != hexLength || !digest.All(Uri.IsHexDigit))
        {
            var name = Kinds.First(kind => kind.Algorithm == algorithm).Name;
            warnings.Add($"'{Path.GetFileName(checksumPath)}' beside the archive holds no {name} digest: the archive was not checked against it");
            return null;
        }

        return new ArchiveChecksum(checksumPath, algorithm, digest.ToLowerInvariant());
    }

    /// <summary>Null when <paramref name="actualHex"/> is the expected digest; else the warning that says it is not.</summary>
    public string? Mismatch(string actualHex) => actualHex == ExpectedHex
        ? null
        : $"the archive's {AlgorithmName} is not the one in '{Path.GetFileName(FilePath)}' ({Short(ExpectedHex)} written, {Short(actualHex)} read): "
          + "the file changed after it was written (damaged or cut in transfer, or re-packed), so what was read may not be all that was collected";

    /// <summary>What the verbose output says when the archive matches.</summary>
    public string Match => $"{AlgorithmName} matches '{Path.GetFileName(FilePath)}'";

    /// <summary>A match for verbose output; a mismatch (<see cref="Mismatch"/>) as the bundle's first warning and for the report's banner.</summary>
    public void RecordOn(BundleContents contents, string? mismatch)
    {
        if (mismatch is null)
        {
            contents.ChecksumCheck = Match;
            return;
        }

        contents.ChecksumMismatch = mismatch;
        contents.Warnings.Insert(0, mismatch);
    }

    private static string Short(string hex) => hex[..12] + "…";

    private static int HashLengthInBytes(HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        return hash.HashLengthInBytes;
    }
}
