using Advisor.Bundles;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>Archives cut short or damaged: what was read before the damage is analysed, and the damage is said.</summary>
public sealed class TruncatedBundleTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The Ubuntu host with a large log in the middle and one more file after it.</summary>
    private static BundleBuilder HostWithLogInTheMiddle()
    {
        var builder = SosFixtures.UbuntuNvmeSnapshotHost();
        var random = new Random(42);
        var log = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"Nov 23 06:{i % 60:00}:{random.Next(60):00} host kernel: event {random.Next()} on cpu{random.Next(8)}\n"));
        return builder.File("var/log/messages", log).File("sos_commands/zz/after_the_log", "never reached\n");
    }

    [Theory]
    [InlineData("tar.xz", true)]
    [InlineData("tar.xz", false)]
    [InlineData("tar.gz", true)]
    public void An_archive_cut_inside_a_member_gives_what_came_before_and_says_where_it_stopped(string extension, bool nativeXz)
    {
        var whole = temp.Combine("whole." + extension);
        if (extension == "tar.xz") HostWithLogInTheMiddle().WriteTarXz(whole);
        else HostWithLogInTheMiddle().WriteTarGz(whole);
        var bytes = File.ReadAllBytes(whole);
        var cut = temp.Combine("cut." + extension);
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);

        var contents = BundleReading.Read(cut, nativeXz);

        Assert.NotNull(contents.TruncationReason);
        Assert.StartsWith("archive truncated after ", contents.TruncationReason);
        Assert.Contains("var/log/messages", contents.TruncationReason);
        Assert.StartsWith("Linux ip-10-0-0-12 4.4.0-1087-aws", contents.Find("sos_commands/kernel/uname_-a")!.Text);
        Assert.Equal("2\n", contents.Find("sys/block/nvme1n1/queue/nomerges")!.Text);
        var partial = contents.Find("var/log/messages")!;
        Assert.True(partial.Truncated);
        Assert.StartsWith("Nov 23 06:00:", partial.Text);
        Assert.False(contents.HasEntry("sos_commands/zz/after_the_log"));
    }

    [Fact]
    public void A_corrupt_xz_block_is_truncation_not_a_crash()
    {
        var whole = HostWithLogInTheMiddle().WriteTarXz(temp.Combine("whole.tar.xz"));
        var bytes = File.ReadAllBytes(whole);
        for (var i = bytes.Length / 2; i < (bytes.Length / 2) + 64; i++) bytes[i] ^= 0xA5;
        var corrupt = temp.Combine("corrupt.tar.xz");
        File.WriteAllBytes(corrupt, bytes);

        var native = BundleReading.Read(corrupt, useNativeXz: true);
        var managed = BundleReading.Read(corrupt, useNativeXz: false);

        Assert.Contains("LZMA_DATA_ERROR", native.TruncationReason);
        Assert.StartsWith("archive truncated after ", managed.TruncationReason);
        Assert.NotNull(native.Find("sos_commands/kernel/uname_-a"));
        Assert.NotNull(managed.Find("sos_commands/kernel/uname_-a"));
    }

    [Fact]
    public void What_liblzma_decoded_before_corrupt_input_is_read_as_xz_dc_hands_it_on()
    {
        // a small bundle: liblzma decodes everything up to the damage in one call, which then fails
        var whole = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarXz(temp.Combine("whole.tar.xz"));
        var bytes = File.ReadAllBytes(whole);
        bytes.AsSpan(bytes.Length / 3, 4).Fill(0xFF);
        var corrupt = temp.Combine("corrupt.tar.xz");
        File.WriteAllBytes(corrupt, bytes);
        var listedByTar = AdvisorProcess.RunProgram(temp.FullPath, "sh", ["-c", "xz -dc \"$1\" 2>/dev/null | tar -t 2>/dev/null", "sh", corrupt], TimeSpan.FromMinutes(1))
            .Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var contents = BundleReading.Read(corrupt, useNativeXz: true);

        Assert.True(listedByTar.Length > 3, $"xz -dc | tar -t listed only {listedByTar.Length} entries: damage too early for this test");
        // tar lists the top folder too; every entry it lists (names under the top folder) was read
        foreach (var listed in listedByTar.Skip(1))
        {
            var path = listed[(listed.IndexOf('/') + 1)..].TrimEnd('/');
            Assert.True(contents.HasEntry(path), $"'{path}', listed by tar, was not read");
        }

        // the corrupt input named first, whether the tar reader met it in a member's data or as a damaged header after
        Assert.StartsWith($"archive truncated after {listedByTar.Length} entries (xz data is corrupt near compressed byte ", contents.TruncationReason);
    }

    [Fact]
    public void A_bzip2_bundle_whose_only_block_is_corrupt_is_called_corrupt_not_a_non_tar_exit_3()
    {
        // one bzip2 block: the decoder hands on the damaged block whole, then fails its CRC. Where 64 flipped bytes
        // give that, and not an early end of the data, depends on the bytes (the tar's times vary from run to run),
        // so the damage goes where the system's bzip2 calls it a data integrity error
        var whole = SosFixtures.UbuntuNvmeSnapshotHost().WriteTarBz2(temp.Combine("whole.tar.bz2"));
        var original = File.ReadAllBytes(whole);
        var corrupt = temp.Combine("corrupt.tar.bz2");
        var bzip2 = new CliRunner.Result(-1, "", "");
        for (var start = original.Length / 2; start > 64 && !bzip2.Error.Contains("Data integrity error"); start -= 97)
        {
            var bytes = (byte[])original.Clone();
            for (var i = start; i < start + 64; i++) bytes[i] ^= 0x55;
            File.WriteAllBytes(corrupt, bytes);
            bzip2 = AdvisorProcess.RunProgram(temp.FullPath, "sh", ["-c", "bzip2 -dc \"$1\" > /dev/null", "sh", corrupt], TimeSpan.FromMinutes(1));
        }

        var result = CliRunner.Run(temp.FullPath, "ingest", corrupt, "--db", temp.DatabasePath);

        Assert.Contains("Data integrity error", bzip2.Error);
        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nothing could be read (archive truncated after 0 entries (bzip2 data is corrupt (", line);
        Assert.DoesNotContain("not a bundle", line);
    }

    [Fact]
    public void A_plain_tar_cut_at_a_member_boundary_is_still_reported_as_truncated()
    {
        var whole = SosFixtures.UbuntuNvmeSnapshotHost().WriteTar(temp.Combine("whole.tar"));
        var bytes = File.ReadAllBytes(whole);
        var cut = temp.Combine("cut.tar");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 512 / 2 * 512)]);

        var contents = BundleReading.Read(cut);

        Assert.NotNull(contents.TruncationReason);
        Assert.True(contents.Entries.Count > 3);
    }

    [Fact]
    public void The_cli_reports_partial_facts_with_the_truncation_on_stderr_and_in_the_report()
    {
        var whole = HostWithLogInTheMiddle().WriteTarGz(temp.Combine("whole.tar.gz"));
        var bytes = File.ReadAllBytes(whole);
        var cut = temp.Combine("cut.tar.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);

        var result = CliRunner.Run(temp.FullPath, "ingest", cut, "--db", temp.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("archive truncated after", result.Error);
        Assert.Contains("the analysis covers what was read", result.Error);
        Assert.Contains("archive truncated after", result.Out);
        Assert.Contains("ADV0001", result.Out);
        using var db = AdvisorDatabase.Open(temp.DatabasePath);
        var stored = Assert.Single(db.ListBundles());
        Assert.StartsWith("archive truncated after", stored.TruncationReason);
        Assert.Equal("4.4.0-1087-aws", db.LoadFacts(stored.Id)!.Kernel.Release.Value);
    }

    [Fact]
    public void An_archive_cut_before_its_first_member_exits_3_with_one_line()
    {
        var whole = HostWithLogInTheMiddle().WriteTarXz(temp.Combine("whole.tar.xz"));
        var cut = temp.Combine("stub.tar.xz");
        File.WriteAllBytes(cut, File.ReadAllBytes(whole)[..40]);

        var result = CliRunner.Run(temp.FullPath, "ingest", cut, "--db", temp.DatabasePath);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("advisor: error: ", line);
        Assert.Contains("stub.tar.xz", line);
        Assert.Contains("nothing could be read", line);
    }
}
