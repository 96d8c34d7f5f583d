using System.Buffers;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using ZstdSharp;

namespace Advisor.Bundles;

/// <summary>
/// Reads a bundle (tar, tar.gz, tar.xz, tar.bz2, tar.zst or an unpacked folder) in one streaming pass:
/// every entry is listed, only wanted entries are kept, nothing is written to disk.
/// <list type="bullet">
/// <item>The single top folder (<c>sosreport-…/</c>) is stripped from every path and from hard-link targets.</item>
/// <item>A member whose name ends in <c>.tar</c> (sos <c>--pack-dir</c>, e.g. <c>proc/fs.tar</c>) is read as part
/// of the bundle, one level deep: its members appear in the folder that holds it, so <c>proc/fs.tar</c> holding
/// <c>fs/x</c> gives <c>proc/fs/x</c>. The <c>.tar</c> itself stays listed.</item>
/// <item>GNU sparse members and entry types a sosreport never holds are listed as <see cref="BundleEntryKind.Other"/>
/// and skipped with a warning.</item>
/// <item>An unpacked folder is listed as its archive would be: links are entries, never walked into.</item>
/// <item>A truncated or corrupt archive yields what was read before the damage plus
/// <see cref="BundleContents.TruncationReason"/>.</item>
/// </list>
/// </summary>
public sealed class BundleReader(WantedPaths wanted, BundleLimits limits)
{
    private const int ChunkSize = 1 << 16;
    private const string PlainTarDecoder = "none (plain tar)";
    private const string CollectorChecksums = "checksums/";

    /// <summary>
    /// The longest path (UTF-8 bytes) whose content is kept: a stored file's key must stay under LiteDB's
    /// 1,023-byte index key, and real sosreport paths stay far below (deep sysfs paths are ~300 bytes).
    /// </summary>
    public const int MaxCapturedPathBytes = 768;

    /// <summary>Linux's PATH_MAX: a member name longer than this cannot come from a real file system and is skipped.</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Decompress xz with the system's liblzma when it can be loaded (the default), else the managed decoder.</summary>
    public bool UseNativeXz { get; init; } = true;

    /// <summary>Where the reader publishes how far it has got, for a progress display; optional.</summary>
    public BundleReadProgress? Progress { get; init; }

    /// <summary>
    /// Reads the bundle; throws <see cref="BundleReadException"/> when nothing at all could be read, or when the
    /// file holds several bundles (<see cref="ReadEach"/> reads those).
    /// </summary>
    public BundleContents Read(string path, out string bundleId)
    {
        try
        {
            var inside = new ArchivesInside(onEach: null);
            var outer = ReadBundle(path, inside, out bundleId);
            if (!HoldsBundles(outer, inside))
            {
                RefuseUnlessOneSosreport(path, outer);
                return outer;
            }

            if (inside.ArchivesNotRead.Count > 0)
            {
                var all = inside.ArchivesRead.Concat(inside.ArchivesNotRead).Order(StringComparer.Ordinal).ToList();
                throw new BundleReadException($"{path}: holds {all.Count} bundles ({Names(all)}) instead of being one sosreport: 'advisor ingest' reads each of them as a bundle of its own");
            }

            var only = TheOnlyBundle(outer, inside);
            bundleId = only.BundleId;
            return only.Contents;
        }
        finally
        {
            Progress?.Finish();
        }
    }

    /// <summary>
    /// Reads every bundle the file holds, in one pass: the file itself, or each sosreport archive at its root (the
    /// nodes of a <c>sos collect</c> archive), each handed to <paramref name="onEach"/> once the next has been read
    /// (or the archive has ended), so at most three are in memory at a time: one being finished by
    /// <paramref name="onEach"/> on a thread of its own, one held, one being read. <paramref name="onEach"/> is called
    /// for one bundle at a time, in the archive's order, and has returned for all of them when this returns. Returns
    /// the warnings about the file as a whole when it held several bundles (a cut between two, its checksum); with one
    /// bundle they are that bundle's. Throws
    /// <see cref="BundleReadException"/> when nothing at all could be read, and what <paramref name="onEach"/> throws.
    /// </summary>
    public IReadOnlyList<string> ReadEach(string path, Action<BundleRead> onEach)
    {
        ArchivesInside? inside = null;
        try
        {
            var clock = Stopwatch.StartNew();
            inside = new ArchivesInside(onEach);
            var outer = ReadBundle(path, inside, out var bundleId);
            inside.WaitForReceiver();
            if (!HoldsBundles(outer, inside))
            {
                RefuseUnlessOneSosreport(path, outer);
                onEach(new BundleRead(outer, bundleId, Inside: null, OneOfSeveral: false, clock.Elapsed));
                return [];
            }

            if (inside.HandedOn == 0)
            {
                onEach(TheOnlyBundle(outer, inside));
                return [];
            }

            onEach(inside.TakeLast()!);
            return [.. outer.Warnings, .. outer.TruncationReason is { } cut ? [cut] : Array.Empty<string>()];
        }
        catch (ArchivesInside.ReceiverFailedException e)
        {
            e.Rethrow();
            throw;
        }
        finally
        {
            inside?.LetReceiverFinish();
            Progress?.Finish();
        }
    }

    /// <summary>True when the archive is not a sosreport but holds them (compressed, at its root), read as bundles of their own.</summary>
    private static bool HoldsBundles(BundleContents outer, ArchivesInside inside) =>
        inside.ArchivesRead.Count > 0 && !BundlePaths.SosreportMarkers.Any(outer.HasEntry);

    /// <summary>The one sosreport an archive was sent in, with what was said of that archive: its checksum, a cut after the report.</summary>
    private static BundleRead TheOnlyBundle(BundleContents outer, ArchivesInside inside)
    {
        var only = inside.TakeLast()!;
        var contents = only.Contents;
        contents.Warnings.InsertRange(0, outer.Warnings);
        contents.ChecksumMismatch ??= outer.ChecksumMismatch;
        contents.ChecksumCheck ??= outer.ChecksumCheck;
        if (outer.TruncationReason is { } cut && contents.TruncationReason is null)
        {
            contents.Warnings.Add($"{cut}, after '{BundleText.Printable(only.Inside!)}' was read to its end");
        }

        return only;
    }

    private static string Names(List<string> names) =>
        string.Join(", ", names.Take(5).Select(BundleText.Printable)) + (names.Count > 5 ? ", …" : "");

    private BundleContents ReadBundle(string path, ArchivesInside inside, out string bundleId)
    {
        var budget = new ReadBudget(limits);
        if (BundleDiscovery.IsMachineRoot(path))
        {
            throw new BundleReadException($"{path}: {BundleDiscovery.MachineRootIsNoBundle}");
        }

        if (Directory.Exists(path))
        {
            var contents = new BundleContents { Format = BundleFormat.Directory, Decoder = "none (folder)" };
            try
            {
                ReadDirectory(path, contents, budget);
            }
            catch (BundleLimitExceededException e)
            {
                contents.TruncationReason = StoppedAt(budget, e);
            }

            Finish(contents);
            bundleId = contents.ContentHash();
            return contents;
        }

        if (!File.Exists(path))
        {
            throw new BundleReadException($"{path}: no such file or directory");
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BundleReadException($"{path}: cannot open ({e.Message})", e);
        }

        var head = new byte[512];
        int headLength;
        try
        {
            headLength = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (file.CanSeek) file.Position = 0;
        }
        catch (IOException e)
        {
            file.Dispose();
            throw new BundleReadException($"{path}: cannot read ({e.Message})", e);
        }

        var checksumWarnings = new List<string>();
        var checksum = ArchiveChecksum.FindBeside(path, checksumWarnings);
        using var hashing = new HashingReadStream(file.CanSeek ? file : new HeadReplayStream(head.AsMemory(0, headLength), file), checksum?.Algorithm);

        var format = BundleFormatDetector.Detect(head.AsSpan(0, headLength));
        if (format == BundleFormat.Unknown)
        {
            throw new BundleReadException(headLength == 0
                ? $"{path}: the file is empty"
                : OtherFileKinds.Describe(head.AsSpan(0, headLength)) is { } kind
                    ? $"{path}: not a bundle: {kind}"
                    : $"{path}: not a bundle (expected a tar, tar.gz, tar.xz, tar.bz2 or tar.zst archive, or a folder)");
        }

        Progress?.Start(hashing, file.CanSeek ? file.Length : 0);
        var result = new BundleContents { Format = format };
        result.Warnings.AddRange(checksumWarnings);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            // every byte the decoder hands out is counted against Limits:MaxUncompressedBytes, so a bomb stops there
            using var decoded = OpenDecompressed(hashing, format, result);
            using var decompressed = new UncompressedByteCounter(OpenCompressedTwice(decoded, format, result), budget);
            ReadTar(decompressed, result, buffer, budget, inside);
        }
        catch (BundleLimitExceededException e)
        {
            result.TruncationReason = StoppedAt(budget, e);
        }
        catch (NotATarException e) when (format != BundleFormat.Tar)
        {
            throw new BundleReadException($"{path}: not a bundle: {format.ToName()} data that is not a tar archive ({e.Message}); a sosreport is a compressed tar");
        }
        catch (Exception e) when (IsDamage(e))
        {
            // disposing a decoder over damaged input can throw too; the damage is already recorded
            result.TruncationReason ??= $"archive truncated after {result.EntryCount} entries ({e.Message})";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (result.TruncationReason is null)
        {
            hashing.Drain();
        }

        bundleId = result.TruncationReason is null ? hashing.HashHex() : HashOfPartialRead(hashing.HashHex(), result);
        var checksumMismatch = checksum is null ? null : CheckAgainst(checksum, hashing, result);
        if (result.EntryCount == 0)
        {
            throw new BundleReadException($"{path}: nothing could be read ({result.TruncationReason ?? "the archive holds no entries"})"
                + (checksumMismatch is null ? "" : $"; {checksumMismatch}"));
        }

        Finish(result);
        return result;
    }

    private Stream OpenDecompressed(Stream raw, BundleFormat format, BundleContents result)
    {
        switch (format)
        {
            case BundleFormat.Gzip:
                result.Decoder = "gzip (System.IO.Compression, native zlib)";
                return new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true);
            case BundleFormat.Xz:
                if (UseNativeXz && NativeXzStream.TryOpen(raw, leaveOpen: true) is { } native)
                {
                    result.Decoder = "xz (liblzma.so.5, native)";
                    return native;
                }

                result.Decoder = "xz (SharpCompress, managed)";
                return DecoderGuardStream.Open(() => new ConcatenatedXzStream(raw), "xz");
            case BundleFormat.Bzip2:
                result.Decoder = "bzip2 (SharpCompress, managed)";
                return DecoderGuardStream.Open(
                    () => BZip2Stream.Create(raw, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: true),
                    "bzip2");
            case BundleFormat.Zstd:
                result.Decoder = "zstd (ZstdSharp, managed)";
                return DecoderGuardStream.Open(() => new DecompressionStream(raw, leaveOpen: true), "zstd");
            default:
                result.Decoder = PlainTarDecoder;
                return new NonClosingStream(raw);
        }
    }

    /// <summary>
    /// The tar stream under a second compression, when the decompressed data is compressed again (a <c>.tar.xz</c>
    /// gzipped once more on its way, <c>x.tar.xz.gz</c>); else <paramref name="decoded"/>'s data as it is. One
    /// level only.
    /// </summary>
    private Stream OpenCompressedTwice(Stream decoded, BundleFormat format, BundleContents result)
    {
        if (format == BundleFormat.Tar) return decoded;
        // decoded is the caller's to dispose
        var inner = BundleFormatDetector.Peek(new NonClosingStream(decoded), out var replay);
        if (inner is BundleFormat.Unknown or BundleFormat.Tar) return replay;

        var outerDecoder = result.Decoder;
        var twice = OpenDecompressed(replay, inner, result);
        result.Decoder = $"{result.Decoder} inside {outerDecoder}";
        return twice;
    }

    /// <summary>Why a read stopped at a limit, in the words of a truncation: "stopped after N entries: the bundle exceeds …".</summary>
    private static string StoppedAt(ReadBudget budget, BundleLimitExceededException e) =>
        $"stopped after {budget.EntriesRead} entries: {e.Message}";

    private void ReadTar(Stream tarStream, BundleContents result, byte[] buffer, ReadBudget budget, ArchivesInside? inside)
    {
        if (ReadMembers(tarStream, nestedIn: null, result, buffer, budget, inside, out var count) is { } damage)
        {
            result.TruncationReason = $"archive truncated after {count} entries ({WithDecoderDamage(tarStream, damage, buffer)})";
        }
    }

    /// <summary>
    /// A tar header found damaged can be the decompressor's damage showing: liblzma hands on what it decoded before
    /// it met the corrupt input (as <c>xz -dc</c> writes it) and says so only on the next read; SharpCompress's
    /// bzip2 hands on a damaged block whole and checks its CRC at the block's end. The reason names the corrupt
    /// input first when the decoder reports it within <see cref="DamageProbeBytes"/>.
    /// </summary>
    private static string WithDecoderDamage(Stream decompressed, string tarDamage, byte[] buffer) =>
        DecoderDamageAhead(decompressed, buffer) is { } decoderDamage ? $"{decoderDamage}; {tarDamage}" : tarDamage;

    /// <summary>How far past a damaged tar header the decoder is read for its own report: more than a bzip2 block of text (900 kB).</summary>
    private const int DamageProbeBytes = 8 << 20;

    /// <summary>What the decoder reports as damage in the next <see cref="DamageProbeBytes"/> of its output, or null.</summary>
    private static string? DecoderDamageAhead(Stream decompressed, byte[] buffer)
    {
        try
        {
            for (long read = 0; read < DamageProbeBytes;)
            {
                var n = decompressed.Read(buffer);
                if (n == 0) return null;
                read += n;
            }

            return null;
        }
        catch (BundleLimitExceededException)
        {
            return null;
        }
        catch (Exception e) when (IsDamage(e))
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Reads the members of one tar (the bundle, or a <c>.tar</c> inside it) until its end or until it breaks;
    /// returns what broke it, or null. Damage while reading a nested tar member's data is the outer archive's: it
    /// propagates.
    /// </summary>
    /// <param name="inside">Where the compressed sosreports at the root go; null inside one of them and inside a nested tar.</param>
    private string? ReadMembers(Stream tarStream, string? nestedIn, BundleContents result, byte[] buffer, ReadBudget budget, ArchivesInside? inside, out int count)
    {
        using var tar = new TarMemberReader(tarStream);
        var scope = nestedIn is null ? null : TarScope.Nested(BundlePaths.ParentOf(nestedIn));
        count = 0;
        while (true)
        {
            try
            {
                if (!tar.MoveNext()) return tar.EndedWithMarker ? null : "the archive ends without its end-of-archive marker";
            }
            catch (NotATarException notTar) when (nestedIn is null)
            {
                // a damaged first block decodes to data that is no tar: say the damage, the decoder's words first
                if (DecoderDamageAhead(tarStream, buffer) is { } decoderDamage) return $"{decoderDamage}; {notTar.Message}";

                // not a tar at all: the bundle reader says what the file is instead of calling it truncated
                throw;
            }
            catch (Exception e) when (IsDamage(e))
            {
                return e.Message;
            }

            budget.CountEntry();
            count++;
            Progress?.EntrySeen();
            if (tar.NameSpan.Length > MaxPathLength)
            {
                // no file system holds such a name, and folding its folders would cost time quadratic in its depth
                result.Warnings.Add($"entry '{BundleText.Printable(tar.Name[..64])}…'{(nestedIn is null ? "" : $" in '{BundleText.Printable(nestedIn)}'")} has a name of {tar.NameSpan.Length} characters, longer than Linux allows ({MaxPathLength}): skipped");
                continue;
            }

            if (!BundlePaths.TryNormalize(tar.NameSpan, out var name))
            {
                if (BundlePaths.IsRoot(tar.NameSpan))
                {
                    // tar -C sosreport-host-… -cf x.tar . : the members are named from the report's root, no top folder
                    scope ??= TarScope.WithoutTopFolder();
                    continue;
                }

                result.Warnings.Add($"entry '{BundleText.Printable(tar.Name)}'{(nestedIn is null ? "" : $" in '{BundleText.Printable(nestedIn)}'")} names a path outside the bundle: skipped");
                continue;
            }

            scope ??= TarScope.ForBundle(name.ToString(), tar.Type == TarEntryType.Directory);
            var path = scope.Map(name);
            if (path.Length == 0) continue;
            try
            {
                AddTarMember(tar, path, scope, result, buffer, budget, nested: nestedIn is not null, inside);

                // read to the member's end here, so a cut inside it is reported with its path
                tar.SkipData();
            }
            catch (Exception e) when (IsDamage(e) && nestedIn is null)
            {
                return $"in '{BundleText.Printable(path.ToString())}': {e.Message}";
            }
        }
    }

    /// <remarks>
    /// Works on the member's path in the reader's buffers: only a member that is captured, warned about or a link
    /// becomes a string.
    /// </remarks>
    private void AddTarMember(TarMemberReader tar, ReadOnlySpan<char> path, TarScope scope, BundleContents result, byte[] buffer, ReadBudget budget, bool nested, ArchivesInside? inside)
    {
        switch (tar.Type)
        {
            case TarEntryType.Directory:
                result.AddEntry(path, BundleEntryKind.Directory, 0, [], hasLinkTarget: false);
                break;
            case TarEntryType.SymbolicLink:
                result.AddEntry(path, BundleEntryKind.Symlink, 0, tar.LinkNameSpan, hasLinkTarget: true);
                break;
            case TarEntryType.HardLink:
                // a target that climbs above the root keeps its raw name, so link resolution says it points outside
                var linkPath = path.ToString();
                var target = BundlePaths.Normalize(tar.LinkName);
                result.AddEntry(linkPath, BundleEntryKind.HardLink, 0, target is null ? tar.LinkName : scope.Map(target).ToString(), hasLinkTarget: true);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile when !tar.IsSparse:
                result.AddEntry(path, BundleEntryKind.File, tar.Size, [], hasLinkTarget: false);
                if (inside is not null && (!path.Contains('/') || path.StartsWith(CollectorChecksums, StringComparison.Ordinal))
                    && ReadRootFile(tar, path.ToString(), result, buffer, inside))
                {
                    break;
                }

                if (!nested && path.EndsWith(".tar", StringComparison.Ordinal))
                {
                    using var data = tar.OpenData();
                    ReadNestedTar(path.ToString(), data, result, buffer, budget);
                    break;
                }

                if (IsWantedAndStorable(path, result))
                {
                    Capture(path.ToString(), tar.OpenData(), tar.Size, result, buffer);
                }

                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.SparseFile:
                result.AddEntry(path, BundleEntryKind.Other, tar.Size, [], hasLinkTarget: false);
                result.Warnings.Add($"'{BundleText.Printable(path.ToString())}' is a GNU sparse member, which is not read: skipped");
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                result.AddEntry(path, BundleEntryKind.Other, 0, [], hasLinkTarget: false);
                break;
            default:
                result.AddEntry(path, BundleEntryKind.Other, tar.Size, [], hasLinkTarget: false);
                result.Warnings.Add($"'{BundleText.Printable(path.ToString())}' has tar entry type '{(char)tar.Type}' ({tar.Type}), which a bundle should not hold: skipped");
                break;
        }
    }

    /// <summary>
    /// Reads what a file at the root of the archive may be besides a bundle's file: a compressed sosreport (sent
    /// inside this archive, or a node of a <c>sos collect</c> archive), or such an archive's <c>.sha256</c> or <c>.md5</c>.
    /// Returns false for any other file, which is read as usual.
    /// </summary>
    private bool ReadRootFile(TarMemberReader tar, string path, BundleContents result, byte[] buffer, ArchivesInside inside)
    {
        // sos collect --clean puts the checksums of the obfuscated node archives in checksums/
        var name = path.StartsWith(CollectorChecksums, StringComparison.Ordinal) ? path[CollectorChecksums.Length..] : path;
        if (name.Contains('/')) return false;
        if (name == path && BundlePaths.IsCompressedArchiveName(path) && !BundlePaths.SosreportMarkers.Any(result.HasEntry))
        {
            if (!inside.ReadsAll && inside.ArchivesRead.Count > 0)
            {
                inside.ArchivesNotRead.Add(path);
                return true;
            }

            using var data = tar.OpenData();
            ReadArchiveInside(path, data, result, buffer, inside);
            return true;
        }

        if (ArchiveChecksum.TryParseInsideName(name, out _, out _) && tar.Size <= ArchiveChecksum.LongestFile)
        {
            using var checksum = new StreamReader(tar.OpenData(), Encoding.ASCII);
            inside.AddChecksum(name, checksum.ReadToEnd(), result.Warnings);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads a compressed archive at the root as a bundle of its own (its top folder stripped, its own limits), and
    /// hands it to <paramref name="inside"/>. Only before anything of a sosreport was read: an archive inside a
    /// sosreport is one of its files. A member that is not compressed tar data, or is damaged before its first
    /// member, is only listed, with a warning.
    /// </summary>
    private void ReadArchiveInside(string archivePath, Stream data, BundleContents result, byte[] buffer, ArchivesInside inside)
    {
        var format = BundleFormatDetector.Peek(data, out var replay);
        if (format is BundleFormat.Unknown or BundleFormat.Tar)
        {
            result.NotBundles.Add(archivePath);
            return;
        }

        var clock = Stopwatch.StartNew();
        var name = BundleText.Printable(archivePath);
        var bundle = new BundleContents { Format = format, WrappedArchive = archivePath };
        var budget = new ReadBudget(limits);
        // MD5 beside SHA-256: an older sos's checksum sent with the archive is an .md5, and it comes after the archive
        using var hashing = new HashingReadStream(replay, HashAlgorithmName.MD5);
        try
        {
            using var decoded = OpenDecompressed(hashing, format, bundle);
            bundle.Decoder = $"{bundle.Decoder} for '{name}', inside {(result.Decoder == PlainTarDecoder ? "a plain tar" : result.Decoder)}";
            using var decompressed = new UncompressedByteCounter(decoded, budget);
            if (ReadMembers(decompressed, nestedIn: null, bundle, buffer, budget, inside: null, out var count) is { } damage)
            {
                if (count == 0)
                {
                    // damaged before its first member: nothing of it was read, so it was no bundle here
                    NotABundle(archivePath, result, $"'{name}' is not a readable archive ({damage}): listed, not read");
                    return;
                }

                bundle.TruncationReason = $"archive '{name}' truncated after {count} entries ({WithDecoderDamage(decompressed, damage, buffer)})";
            }
        }
        catch (BundleLimitExceededException e) when (budget.Exceeded)
        {
            bundle.TruncationReason = StoppedAt(budget, e);
        }
        catch (NotATarException e)
        {
            NotABundle(archivePath, result, $"'{name}' holds {format.ToName()} data that is not a tar archive ({e.Message}): listed, not read");
            return;
        }
        catch (Exception e) when (IsDamage(e))
        {
            // a decoder that cannot start on damaged input, or that throws when disposed over it
            if (bundle.EntryCount == 0)
            {
                NotABundle(archivePath, result, $"'{name}' is not a readable archive ({e.Message}): listed, not read");
                return;
            }

            bundle.TruncationReason ??= $"archive '{name}' truncated after {bundle.EntryCount} entries ({e.Message})";
        }

        string? sha256 = null;
        Dictionary<HashAlgorithmName, string>? digests = null;
        if (bundle.TruncationReason is null)
        {
            try
            {
                // the whole member, for its id and the checksum sent beside it
                hashing.Drain();
                sha256 = hashing.HashHex();
                digests = new() { [HashAlgorithmName.SHA256] = sha256, [HashAlgorithmName.MD5] = hashing.SecondHashHex() };
            }
            catch (Exception e) when (IsDamage(e))
            {
                bundle.Warnings.Add($"'{name}' is damaged after its last member ({e.Message}): its checksum could not be checked");
            }
        }

        Finish(bundle);
        if (bundle.TruncationReason is null && !BundlePaths.SosreportMarkers.Any(bundle.HasEntry))
        {
            // read whole and nothing of a sosreport in it: some other archive sent beside the reports
            NotABundle(archivePath, result, $"'{name}' holds no sosreport (no sos_commands/, sys/ or proc/): listed, not analysed");
            return;
        }

        if (bundle.CheckIsOneSosreport() is { } whyNot)
        {
            NotABundle(archivePath, result, $"'{name}' {whyNot}: listed, not read");
            return;
        }

        inside.Add(archivePath, bundle, sha256 ?? HashOfPartialRead(hashing.HashHex(), bundle), digests, clock.Elapsed);
    }

    private static void NotABundle(string archivePath, BundleContents result, string warning)
    {
        result.NotBundles.Add(archivePath);
        result.Warnings.Add(warning);
    }

    /// <summary>Reads a <c>.tar</c> member's members into the folder that holds it; damage there only costs that archive.</summary>
    private void ReadNestedTar(string tarPath, Stream data, BundleContents result, byte[] buffer, ReadBudget budget)
    {
        if (ReadMembers(data, nestedIn: tarPath, result, buffer, budget, inside: null, out var count) is { } damage)
        {
            result.Warnings.Add(count == 0
                ? $"'{BundleText.Printable(tarPath)}' is not a readable tar archive ({damage}): listed, not read"
                : $"nested archive '{BundleText.Printable(tarPath)}' is damaged after {count} entries ({damage}): the rest of it is skipped");
        }
    }

    /// <summary>
    /// Keeps up to the capture cap of a member; if the archive breaks inside the member, keeps the part read (marked
    /// truncated) and rethrows.
    /// </summary>
    private void Capture(string path, Stream data, long size, BundleContents result, byte[] chunk)
    {
        var cap = (int)Math.Min(limits.MaxCapturedBytesPerFile, Array.MaxLength);
        if (size > cap && wanted.IsKeptByItsEnd(path))
        {
            CaptureStartAndEnd(path, data, size, cap, result, chunk);
            return;
        }

        var content = new MemoryStream((int)Math.Clamp(size, 0, cap));
        try
        {
            while (content.Length < cap)
            {
                var n = data.Read(chunk, 0, (int)Math.Min(chunk.Length, cap - content.Length));
                if (n == 0) break;
                content.Write(chunk, 0, n);
            }
        }
        finally
        {
            var text = BundleText.Decode(content.GetBuffer().AsSpan(0, (int)content.Length));
            result.AddCaptured(new CapturedFile(path, text, size, Truncated: content.Length < size));
        }
    }

    /// <summary>A log longer than the cap, kept by its start and its end (<see cref="LogWindow"/>); a part read before damage is kept too.</summary>
    private static void CaptureStartAndEnd(string path, Stream data, long size, int cap, BundleContents result, byte[] chunk)
    {
        var window = new LogWindow(size, cap);
        try
        {
            window.ReadFrom(data, chunk);
        }
        finally
        {
            result.AddCaptured(window.ToCapturedFile(path));
        }
    }

    /// <summary>
    /// True when the parsers want <paramref name="path"/> and it is short enough to store: a path longer than
    /// <see cref="MaxCapturedPathBytes"/> (no real sosreport file comes near) is listed but not captured, with a warning.
    /// </summary>
    private bool IsWantedAndStorable(ReadOnlySpan<char> path, BundleContents result)
    {
        if (!wanted.IsWanted(path)) return false;
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes <= MaxCapturedPathBytes) return true;
        result.Warnings.Add($"'{BundleText.Printable(path[..64].ToString())}…' has a path of {bytes} bytes, longer than any sosreport file ({MaxCapturedPathBytes}): listed, not read");
        return false;
    }

    /// <summary>
    /// Lists an unpacked bundle the way its archive would be listed: a link, to a file or a folder, is an entry whose
    /// target the link resolution checks (the walk never descends through one, so it cannot leave the folder or
    /// loop); a <c>.tar</c> file is read as part of the bundle; a FIFO, socket or device is listed as
    /// <see cref="BundleEntryKind.Other"/> and never opened.
    /// </summary>
    private void ReadDirectory(string root, BundleContents result, ReadBudget budget)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var entries = new FileSystemEnumerable<FolderEntry>(rootPath, (ref FileSystemEntry entry) => FolderEntry.Of(ref entry, rootPath.Length), options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0 && MayList(ref entry),
        };

        // a folder this user may not enter is listed, and said to be unread, instead of left out without a word
        bool MayList(ref FileSystemEntry folder)
        {
            var fullPath = folder.ToFullPath();
            if (UnixFiles.CanList(fullPath)) return true;
            var path = FolderEntry.PathOf(ref folder, rootPath.Length);
            result.Warnings.Add($"folder '{BundleText.Printable(path)}' could not be read (permission denied): its contents are missing from the analysis");
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            foreach (var entry in entries)
            {
                budget.CountEntry();
                Progress?.EntrySeen();
                result.AddEntry(new BundleEntry(entry.Path, entry.Kind, entry.Size, entry.LinkTarget));
                if (entry.Kind == BundleEntryKind.File) ReadFolderFile(entry, result, buffer, budget);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A regular file of an unpacked bundle: a <c>.tar</c> read as a nested tar, a wanted one captured.</summary>
    private void ReadFolderFile(FolderEntry file, BundleContents result, byte[] buffer, ReadBudget budget)
    {
        var isNestedTar = file.Path.EndsWith(".tar", StringComparison.Ordinal);
        if (!isNestedTar && !IsWantedAndStorable(file.Path, result)) return;
        try
        {
            using var stream = new UncompressedByteCounter(
                new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), budget);
            if (isNestedTar) ReadNestedTar(file.Path, stream, result, buffer, budget);
            else Capture(file.Path, stream, file.Size, result, buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Warnings.Add($"'{BundleText.Printable(file.Path)}' could not be read: {e.Message}");
        }
    }

    /// <summary>
    /// One entry of an unpacked bundle: its bundle path, where it is on disk, and what it is, all from the listing's
    /// own stat except a link's target (read only for links) and a FIFO or device (told apart only among the empty
    /// files: they are always of size 0).
    /// </summary>
    private readonly record struct FolderEntry(string Path, string FullPath, BundleEntryKind Kind, long Size, string? LinkTarget)
    {
        public static FolderEntry Of(ref FileSystemEntry entry, int rootLength)
        {
            var path = PathOf(ref entry, rootLength);
            var fullPath = entry.ToFullPath();
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                return new FolderEntry(path, fullPath, BundleEntryKind.Symlink, 0, new FileInfo(fullPath).LinkTarget ?? "");
            }

            if (entry.IsDirectory) return new FolderEntry(path, fullPath, BundleEntryKind.Directory, 0, null);
            var size = entry.Length;
            return size == 0 && !UnixFiles.IsRegularFile(fullPath)
                ? new FolderEntry(path, fullPath, BundleEntryKind.Other, 0, null)
                : new FolderEntry(path, fullPath, BundleEntryKind.File, size, null);
        }

        /// <summary>The bundle path: relative to the root, with backslashes read as <c>/</c> as in an archive's member names (BundlePaths).</summary>
        public static string PathOf(ref FileSystemEntry entry, int rootLength)
        {
            var folder = entry.Directory[rootLength..].TrimStart('/');
            var path = folder.IsEmpty ? entry.FileName.ToString() : string.Concat(folder, "/", entry.FileName);
            // systemd's dev-.lxd\x2dmounts.mount reads dev-.lxd/x2dmounts.mount, in an archive and here alike
            return path.Contains('\\') ? path.Replace('\\', '/') : path;
        }
    }

    /// <summary>
    /// What every read ends with: the sos manifest's command states and warnings about unsafe links. Also applied to
    /// a live read's snapshot, so both see the manifest the same way.
    /// </summary>
    internal static void Finish(BundleContents result)
    {
        if (result.CapturedFiles.FirstOrDefault(f => f.Path == SosManifest.Path) is { } manifest)
        {
            try
            {
                var (byPath, all) = SosManifest.ReadCommandStates(manifest.Text);
                result.SetCommandStates(byPath, all);
            }
            catch (JsonException e)
            {
                result.Warnings.Add($"'{SosManifest.Path}' is not valid JSON ({e.Message}): command results unknown");
            }
        }

        result.WarnAboutUnsafeLinks();
    }

    /// <summary>Throws when the bundle holds other bundles instead of being one sosreport (<see cref="BundleContents.CheckIsOneSosreport"/>).</summary>
    private static void RefuseUnlessOneSosreport(string path, BundleContents contents)
    {
        if (contents.CheckIsOneSosreport() is not { } whyNot) return;
        var truncation = contents.TruncationReason is { } reason ? $" ({reason})" : "";
        throw new BundleReadException($"{path}: {whyNot}{truncation}");
    }

    /// <summary>What damaged or cut input makes the decoders and the tar reader throw.</summary>
    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException
            or InvalidOperationException or OverflowException or NotSupportedException;

    /// <summary>
    /// Compares the whole file with the checksum beside it: a mismatch becomes a warning, a match the
    /// <see cref="BundleContents.ChecksumCheck"/> that verbose output shows; returns the mismatch. A read that
    /// stopped early is first drained, so the sum covers the whole file then too.
    /// </summary>
    private static string? CheckAgainst(ArchiveChecksum checksum, HashingReadStream hashing, BundleContents result)
    {
        try
        {
            hashing.Drain();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Warnings.Add($"the archive could not be read to its end ({e.Message}): its {checksum.AlgorithmName} was not checked against '{Path.GetFileName(checksum.FilePath)}'");
            return null;
        }

        var mismatch = checksum.Mismatch(hashing.SecondHashHex());
        checksum.RecordOn(result, mismatch);
        return mismatch;
    }

    private static string HashOfPartialRead(string hashOfBytesRead, BundleContents contents) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hashOfBytesRead}\0partial\0{contents.EntryCount}")));

    /// <summary>
    /// How member names of one tar map to bundle paths: the bundle's top folder stripped, or a nested tar's folder
    /// prepended (in a buffer of the scope's own, valid until its next <see cref="Map"/>).
    /// </summary>
    private sealed class TarScope
    {
        private readonly string? top;
        private readonly string prefix;
        private char[] joined = [];

        private TarScope(string? top, string prefix)
        {
            this.top = top;
            this.prefix = prefix;
        }

        /// <summary>Judges the top folder from the first member: a folder, or a path with a folder part.</summary>
        public static TarScope ForBundle(string firstName, bool isDirectory) =>
            new(isDirectory || firstName.Contains('/') ? BundlePaths.TopFolderOf(firstName, isDirectory) : null, "");

        public static TarScope WithoutTopFolder() => new(null, "");

        public static TarScope Nested(string folder) => new(null, folder.Length == 0 ? "" : folder + "/");

        public ReadOnlySpan<char> Map(ReadOnlySpan<char> normalizedName)
        {
            var stripped = BundlePaths.StripTop(normalizedName, top);
            if (prefix.Length == 0) return stripped;
            var length = prefix.Length + stripped.Length;
            if (joined.Length < length) joined = new char[Math.Max(length, 256)];
            prefix.CopyTo(joined);
            stripped.CopyTo(joined.AsSpan(prefix.Length));
            return joined.AsSpan(0, length);
        }
    }
}
