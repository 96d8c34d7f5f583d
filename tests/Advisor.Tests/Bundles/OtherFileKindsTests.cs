using System.Diagnostics;
using System.IO.Compression;
using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Bundles;

/// <summary>
/// Files taken for bundles that are something else, each made for real (gpg, .NET's zip writer, the system's xz
/// and gzip): the error says what the file is and what to do, in one line.
/// </summary>
public sealed class OtherFileKindsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string SampleBundle() => new BundleBuilder()
        .File("sos_commands/kernel/uname_-a", "Linux testhost 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\n")
        .WriteTarXz(temp.Combine("sosreport-testhost.tar.xz"));

    private static string RefusalOf(string path) => Assert.Throws<BundleReadException>(() => BundleReading.Read(path)).Message;

    [Theory]
    [InlineData("passphrase")]
    [InlineData("passphrase, armored")]
    [InlineData("public key")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_gpg_encrypted_sosreport_is_named_with_how_to_decrypt_it(string encryption)
    {
        var bundle = SampleBundle();
        var encrypted = bundle + (encryption.EndsWith("armored", StringComparison.Ordinal) ? ".asc" : ".gpg");
        if (encryption == "public key")
        {
            // sos --encrypt-key: encrypted to a key, as gpg -e does (a session key packet of tag 1, not 3)
            Gpg(["--passphrase", "", "--quick-gen-key", "advisor-test@example.invalid", "future-default", "default", "never"]);
            Gpg(["--trust-model", "always", "--encrypt", "--recipient", "advisor-test@example.invalid", "-o", encrypted, bundle]);
        }
        else
        {
            Gpg(["--symmetric", "--passphrase", "case-1234", .. encryption.EndsWith("armored", StringComparison.Ordinal) ? new[] { "--armor" } : [], "-o", encrypted, bundle]);
        }

        Assert.Equal(
            $"{encrypted}: not a bundle: encrypted with GPG (sos --encrypt-pass or --encrypt-key): decrypt it first (gpg -o bundle.tar.xz -d <file>) and ingest that",
            RefusalOf(encrypted));
    }

    [Fact]
    public void A_zip_is_named_as_one_to_unzip()
    {
        var zip = temp.Combine("upload.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(SampleBundle(), "sosreport-testhost.tar.xz");
        }

        Assert.EndsWith("upload.zip: not a bundle: a zip archive: unzip it and ingest what it holds", RefusalOf(zip));
    }

    [Theory]
    [InlineData("lz4", "lz4-compressed: decompress it (lz4 -d) and ingest the tar")]
    [InlineData("lzma", "lzma-compressed (.lzma, not .xz): decompress it (xz -d) and ingest the tar")]
    public void A_tar_in_a_compression_advisor_does_not_read_is_named_with_how_to_decompress_it(string compression, string named)
    {
        var tar = new BundleBuilder().File("sos_commands/kernel/uname_-a", "Linux testhost\n").WriteTar(temp.Combine("bundle.tar"));
        if (compression == "lz4") BundleBuilder.RunTool("lz4", ["-q", tar, tar + ".lz4"]);
        else BundleBuilder.RunTool("xz", ["--format=lzma", "-k", tar]);

        Assert.EndsWith($"bundle.tar.{compression}: not a bundle: {named}", RefusalOf($"{tar}.{compression}"));
    }

    [Theory]
    [InlineData("sha256sum", ".sha256")]
    [InlineData("md5sum", ".md5")]
    public void The_checksum_file_beside_a_sosreport_is_named_as_such(string tool, string extension)
    {
        var archive = new BundleBuilder().File("sos_commands/kernel/uname_-a", "Linux testhost\n").WriteTarXz(temp.Combine("sosreport-web01.tar.xz"));
        BundleBuilder.RunTool("sh", ["-c", "cd \"$1\" && $2 sosreport-web01.tar.xz > sosreport-web01.tar.xz$3", "sh", temp.FullPath, tool, extension]);

        Assert.EndsWith(
            $"sosreport-web01.tar.xz{extension}: not a bundle: a checksum (what sos writes beside its archive as <archive>.sha256 or .md5): ingest the archive it names",
            RefusalOf(archive + extension));
    }

    [Fact]
    public void The_html_page_of_a_failed_download_is_named_as_such()
    {
        var page = temp.Combine("sosreport-web01.tar.xz");
        File.WriteAllText(page, "\n  <!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in to download</body></html>\n");

        Assert.EndsWith("sosreport-web01.tar.xz: not a bundle: an HTML page (a download that failed or asked for a login?)", RefusalOf(page));
    }

    [Theory]
    [InlineData("xz", "it is 30 bytes, less than one tar header")]
    [InlineData("gzip", "it is 30 bytes, less than one tar header")]
    public void One_compressed_file_is_named_as_compressed_data_that_is_not_a_tar(string compressor, string why)
    {
        var text = temp.Combine("messages");
        File.WriteAllText(text, "Dec  3 10:00:00 host kernel: \n");
        BundleBuilder.RunTool(compressor, ["-k", text]);
        var compressed = text + (compressor == "xz" ? ".xz" : ".gz");

        Assert.Equal($"{compressed}: not a bundle: {compressor} data that is not a tar archive ({why}); a sosreport is a compressed tar", RefusalOf(compressed));
    }

    [Fact]
    public void A_compressed_log_longer_than_a_tar_header_and_an_empty_stream_are_named_too()
    {
        var log = temp.Combine("messages");
        File.WriteAllLines(log, Enumerable.Range(0, 200).Select(i => $"Dec  3 10:00:{i % 60:00} host kernel: line {i}"));
        BundleBuilder.RunTool("xz", ["-k", log]);
        var empty = temp.Combine("empty");
        File.WriteAllText(empty, "");
        BundleBuilder.RunTool("xz", ["-k", empty]);

        Assert.Contains("xz data that is not a tar archive (its first 512 bytes are not a tar header)", RefusalOf(log + ".xz"));
        Assert.Contains("xz data that is not a tar archive (it is empty)", RefusalOf(empty + ".xz"));
    }

    [Fact]
    public void Data_of_no_known_kind_gets_no_name_and_real_bundles_are_not_taken_for_one()
    {
        Assert.Null(OtherFileKinds.Describe("just some notes\n"u8));
        Assert.Null(OtherFileKinds.Describe([0x85, 0x00, 0x00]));
        foreach (var real in new[] { "bundles/hotsos-openstack.tar.xz", "bundles/hotsos-ceph-mon.tar.xz" })
        {
            var head = new byte[512];
            using (var file = File.OpenRead(TestPaths.RealData(real))) file.ReadExactly(head);
            Assert.Null(OtherFileKinds.Describe(head));
        }
    }

    /// <summary>Runs gpg in a home folder of the test's own, with the passphrase given on the command line.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private void Gpg(string[] arguments)
    {
        var home = temp.Combine("gnupg");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            BundleBuilder.RunTool("gpg", ["--homedir", home, "--batch", "--yes", "--pinentry-mode", "loopback", .. arguments]);
        }
        finally
        {
            // symmetric encryption starts an agent for the home folder; it must not outlive the test
            using var kill = Process.Start(new ProcessStartInfo("gpgconf", ["--homedir", home, "--kill", "gpg-agent"]) { RedirectStandardError = true })!;
            kill.WaitForExit();
        }
    }
}
