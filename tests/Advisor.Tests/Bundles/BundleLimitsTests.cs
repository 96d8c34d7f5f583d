using System.Formats.Tar;
using System.IO.Compression;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>The read limits: their defaults, their configuration keys, and a clean stop with a partial read.</summary>
public sealed class BundleLimitsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_defaults_are_64_GiB_2_million_entries_30_minutes_and_16_MiB_per_file()
    {
        var settings = SettingsLoader.Load(temp.FullPath, new Dictionary<string, string?>());

        Assert.Equal(64L << 30, settings.Limits.MaxUncompressedBytes);
        Assert.Equal(2_000_000, settings.Limits.MaxEntries);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.Limits.MaxReadTime);
        Assert.Equal(16 << 20, settings.Limits.MaxCapturedBytesPerFile);
    }

    [Fact]
    public void Limits_are_bound_from_advisor_json()
    {
        File.WriteAllText(temp.Combine("advisor.json"), """
            { "Limits": { "MaxUncompressedBytes": 1048576, "MaxEntries": 10, "MaxReadTime": "00:00:05", "MaxCapturedBytesPerFile": 4096 } }
            """);

        var limits = SettingsLoader.Load(temp.FullPath, new Dictionary<string, string?>()).Limits;

        Assert.Equal(1 << 20, limits.MaxUncompressedBytes);
        Assert.Equal(10, limits.MaxEntries);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.MaxReadTime);
        Assert.Equal(4096, limits.MaxCapturedBytesPerFile);
    }

    [Theory]
    [InlineData("\"MaxEntries\": 0", "Limits:MaxEntries = 0: must be greater than zero")]
    [InlineData("\"MaxUncompressedBytes\": -1", "Limits:MaxUncompressedBytes = -1: must be greater than zero")]
    [InlineData("\"MaxEntries\": \"many\"", "'many' at 'Limits:MaxEntries'")]
    public void A_limit_that_is_not_a_positive_number_is_a_configuration_error_naming_its_key(string setting, string message)
    {
        File.WriteAllText(temp.Combine("advisor.json"), $$"""{ "Limits": { {{setting}} } }""");

        var error = Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(temp.FullPath, new Dictionary<string, string?>()));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_uncompressed_limit_with_what_came_before()
    {
        var path = temp.Combine("bomb.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "sosreport-bomb/sos_commands/host/hostname") { DataStream = new MemoryStream("bomb\n"u8.ToArray()) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "sosreport-bomb/var/log/messages") { DataStream = new MemoryStream(new byte[32 << 20]) });
        }

        var limits = new BundleLimits { MaxUncompressedBytes = 2 << 20 };
        var contents = new BundleReader(new WantedPaths(["**/*"]), limits).Read(path, out _);

        Assert.True(new FileInfo(path).Length < 100_000);
        Assert.Equal("stopped after 2 entries: the bundle exceeds Limits:MaxUncompressedBytes = 2097152 (2 MiB) of uncompressed data", contents.TruncationReason);
        Assert.Equal("bomb\n", contents.Find("sos_commands/host/hostname")!.Text);
        var partial = contents.Find("var/log/messages")!;
        Assert.True(partial.Truncated);
        Assert.InRange(partial.Text.Length, 1, 2 << 20);
    }

    [Fact]
    public void An_unpacked_folder_stops_at_the_entry_limit_too()
    {
        var builder = new BundleBuilder();
        for (var i = 0; i < 30; i++) builder.File($"proc/sys/kernel/value{i:00}", $"{i}\n");
        var folder = builder.WriteUnpacked(temp.FullPath);

        var contents = new BundleReader(new WantedPaths(["**/*"]), new BundleLimits { MaxEntries = 10 }).Read(folder, out _);

        Assert.Equal("stopped after 10 entries: the bundle exceeds Limits:MaxEntries = 10", contents.TruncationReason);
        Assert.Equal(10, contents.Entries.Count);
    }

    [Fact]
    public void The_entry_limit_counts_the_members_of_nested_tars()
    {
        byte[] nested;
        using (var buffer = new MemoryStream())
        {
            using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
            {
                for (var i = 0; i < 20; i++) writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"fs/f{i}") { DataStream = new MemoryStream("1\n"u8.ToArray()) });
            }

            nested = buffer.ToArray();
        }

        var path = new BundleBuilder().File("sos_commands/host/hostname", "h\n").Bytes("proc/fs.tar", nested).WriteTar(temp.Combine("nested.tar"));

        var contents = new BundleReader(new WantedPaths(["**/*"]), new BundleLimits { MaxEntries = 10 }).Read(path, out _);

        Assert.StartsWith("stopped after 10 entries: the bundle exceeds Limits:MaxEntries = 10", contents.TruncationReason);
        Assert.Contains(contents.Entries, e => e.Path.StartsWith("proc/fs/f", StringComparison.Ordinal));
        Assert.DoesNotContain(contents.Entries, e => e.Path == "proc/fs/f19");
    }
}
