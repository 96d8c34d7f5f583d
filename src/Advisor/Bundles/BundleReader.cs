using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using ZstdSharp;

namespace Advisor.Bundles;

/// <summary>
/// Reads a bundle (tar, tar.gz, tar.xz, tar.bz2, tar.zst or an unpacked folder) in one streaming pass:
/// every entry is listed, only wanted entries are kept, nothing is written to disk.
/// </summary>
public sealed class BundleReader(WantedPaths wanted, BundleLimits limits)
{
    /// <summary>Reads the bundle; throws <see cref="BundleReadException"/> only when nothing at all could be read.</summary>
    public BundleContents Read(string path, out string bundleId)
    {
        if (Directory.Exists(path))
        {
            var contents = ReadDirectory(path);
            bundleId = HashOfDirectory(contents);
            return contents;
        }

        if (!File.Exists(path))
        {
            throw new BundleReadException($"{path}: no such file or directory");
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BundleReadException($"{path}: cannot open ({e.Message})", e);
        }

        using var hashing = new HashingReadStream(file);
        var head = new byte[512];
        var headLength = file.Read(head, 0, head.Length);
        file.Position = 0;
        var format = BundleFormatDetector.Detect(head.AsSpan(0, headLength));
        if (format == BundleFormat.Unknown)
        {
            throw new BundleReadException(headLength == 0
                ? $"{path}: the file is empty"
                : $"{path}: not a bundle (expected a tar, tar.gz, tar.xz, tar.bz2 or tar.zst archive, or a folder)");
        }

        var result = new BundleContents { Format = format };
        using (var tarStream = OpenDecompressed(hashing, format, result))
        {
            ReadTar(tarStream, result);
        }

        if (result.TruncationReason is null)
        {
            hashing.Drain();
        }

        bundleId = result.TruncationReason is null ? hashing.HashHex() : HashOfPartialRead(hashing.HashHex(), result);
        if (result.Entries.Count == 0)
        {
            throw new BundleReadException($"{path}: nothing could be read ({result.TruncationReason ?? "the archive holds no entries"})");
        }

        return result;
    }

    private static Stream OpenDecompressed(Stream raw, BundleFormat format, BundleContents result)
    {
        switch (format)
        {
            case BundleFormat.Gzip:
                result.Decoder = "gzip (System.IO.Compression)";
                return new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true);
            case BundleFormat.Xz:
                result.Decoder = "xz (SharpCompress, managed)";
                return new XZStream(raw);
            case BundleFormat.Bzip2:
                result.Decoder = "bzip2 (SharpCompress)";
                return BZip2Stream.Create(raw, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: true);
            case BundleFormat.Zstd:
                result.Decoder = "zstd (ZstdSharp)";
                return new DecompressionStream(raw, leaveOpen: true);
            default:
                result.Decoder = "none (plain tar)";
                return new NonClosingStream(raw);
        }
    }

    private void ReadTar(Stream tarStream, BundleContents result)
    {
        string? top = null;
        var first = true;
        var count = 0;
        using var reader = new TarReader(tarStream, leaveOpen: true);
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = reader.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException or InvalidOperationException)
            {
                result.TruncationReason = $"archive truncated after {count} entries ({e.Message})";
                return;
            }

            if (entry is null)
            {
                return;
            }

            count++;
            var name = BundlePaths.Normalize(entry.Name);
            if (name is null)
            {
                result.Warnings.Add($"entry '{Printable(entry.Name)}' names a path outside the bundle: skipped");
                continue;
            }

            if (first)
            {
                top = BundlePaths.TopFolderOf(name);
                first = false;
            }

            var path = BundlePaths.StripTop(name, top);
            if (path.Length == 0)
            {
                continue;
            }

            try
            {
                AddTarEntry(entry, path, top, result);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException)
            {
                result.TruncationReason = $"archive truncated after {count} entries (in '{Printable(path)}': {e.Message})";
                return;
            }
        }
    }

    private void AddTarEntry(TarEntry entry, string path, string? top, BundleContents result)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                result.AddEntry(new BundleEntry(path, BundleEntryKind.Directory, 0));
                break;
            case TarEntryType.SymbolicLink:
                result.AddEntry(new BundleEntry(path, BundleEntryKind.Symlink, 0, entry.LinkName));
                break;
            case TarEntryType.HardLink:
                var target = BundlePaths.Normalize(entry.LinkName);
                result.AddEntry(new BundleEntry(path, BundleEntryKind.HardLink, 0, target is null ? null : BundlePaths.StripTop(target, top)));
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                result.AddEntry(new BundleEntry(path, BundleEntryKind.File, entry.Length));
                if (wanted.IsWanted(path) && entry.DataStream is { } data)
                {
                    result.AddCaptured(Capture(path, data, entry.Length));
                }

                break;
            default:
                result.AddEntry(new BundleEntry(path, BundleEntryKind.Other, entry.Length));
                if (entry.EntryType == TarEntryType.SparseFile)
                {
                    result.Warnings.Add($"'{Printable(path)}' is a GNU sparse member, which is not read: skipped");
                }

                break;
        }
    }

    private CapturedFile Capture(string path, Stream data, long size)
    {
        var cap = (int)Math.Min(limits.MaxCapturedBytesPerFile, int.MaxValue - 1);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < cap)
        {
            var n = data.Read(chunk, 0, (int)Math.Min(chunk.Length, cap - buffer.Length));
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
        }

        var truncated = buffer.Length < size;
        return new CapturedFile(path, DecodeText(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), size, truncated);
    }

    private BundleContents ReadDirectory(string root)
    {
        var result = new BundleContents { Format = BundleFormat.Directory, Decoder = "none (folder)" };
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var rootInfo = new DirectoryInfo(root);
        foreach (var info in rootInfo.EnumerateFileSystemInfos("*", options))
        {
            var path = Path.GetRelativePath(rootInfo.FullName, info.FullName).Replace('\\', '/');
            if (info.LinkTarget is { } linkTarget)
            {
                result.AddEntry(new BundleEntry(path, BundleEntryKind.Symlink, 0, linkTarget));
            }
            else if (info is DirectoryInfo)
            {
                result.AddEntry(new BundleEntry(path, BundleEntryKind.Directory, 0));
            }
            else if (info is FileInfo fileInfo)
            {
                result.AddEntry(new BundleEntry(path, BundleEntryKind.File, fileInfo.Length));
                if (wanted.IsWanted(path))
                {
                    try
                    {
                        using var stream = new FileStream(fileInfo.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                        result.AddCaptured(Capture(path, stream, fileInfo.Length));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        result.Warnings.Add($"'{path}' could not be read: {e.Message}");
                    }
                }
            }
        }

        return result;
    }

    private static string HashOfDirectory(BundleContents contents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in contents.Entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry.Path}\0{entry.Kind}\0{entry.Size}\0{entry.LinkTarget}\n"));
        }

        foreach (var file in contents.CapturedFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Path}\0{file.Text}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string HashOfPartialRead(string hashOfBytesRead, BundleContents contents) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hashOfBytesRead}\0partial\0{contents.Entries.Count}")));

    internal static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A member name fit for one line of a message: control characters shown as escapes.</summary>
    internal static string Printable(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return builder.ToString();
    }
}
