using System.Text;
using Advisor.Bundles;

namespace Advisor.Storage;

/// <summary>
/// How a bundle's captured files are stored (schema 4): all of them in one document, as gzip-compressed records of
/// path, size, truncation mark and text (<see cref="BinaryWriter"/>'s length-prefixed UTF-8). Hundreds of
/// documents of plain text cost LiteDB a data page and two index entries each; one compressed record set costs a
/// fifth of the pages and a tenth of the time, and the files of a bundle are only ever read together.
/// </summary>
internal static class CapturedFilesDocument
{
    public static byte[] Compress(IEnumerable<CapturedFile> files)
    {
        using var output = new MemoryStream();
        using (var gzip = CompressedText.CompressInto(output))
        using (var writer = new BinaryWriter(gzip, new UTF8Encoding(false)))
        {
            var list = files as IReadOnlyCollection<CapturedFile> ?? files.ToList();
            writer.Write(list.Count);
            foreach (var file in list)
            {
                writer.Write(file.Path);
                writer.Write(file.Size);
                writer.Write(file.Truncated);
                // a log kept by its start and its end says where its middle is missing, for whoever reads the stored file
                writer.Write(file.Gap is { } gap
                    ? file.Text.Insert(gap.TextOffset, $"[advisor: {gap.SkippedLines} lines ({gap.SkippedBytes} bytes) not captured here]\n")
                    : file.Text);
            }
        }

        return output.ToArray();
    }

    public static List<StoredFile> Decompress(string bundleId, byte[] compressed)
    {
        using var reader = new BinaryReader(new MemoryStream(CompressedText.Decompress(compressed)), new UTF8Encoding(false));
        var count = reader.ReadInt32();
        var files = new List<StoredFile>(count);
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            files.Add(new StoredFile
            {
                Id = $"{bundleId}:{path}",
                BundleId = bundleId,
                Path = path,
                Size = reader.ReadInt64(),
                Truncated = reader.ReadBoolean(),
                Text = reader.ReadString(),
            });
        }

        return files;
    }
}
