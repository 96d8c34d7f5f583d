using System.Diagnostics;
using System.Text;
using Advisor.Bundles;
using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>The liblzma encoder writes xz that both the system's <c>xz</c> and our native decoder read back byte for byte.</summary>
public sealed class NativeXzWriteStreamTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Compressed_data_decodes_to_the_same_bytes_with_xz_and_with_the_native_decoder()
    {
        var original = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"line {i} {i * 7919 % 104729}")));
        var path = temp.Combine("data.xz");
        using (var file = File.Create(path))
        using (var xz = NativeXzWriteStream.TryOpen(file)!)
        {
            xz.Write(original, 0, 1000);
            xz.Write(original.AsSpan(1000));
        }

        Assert.True(new FileInfo(path).Length < original.Length / 3);
        using (var file = File.OpenRead(path))
        using (var decoder = NativeXzStream.TryOpen(file)!)
        {
            var decoded = new MemoryStream();
            decoder.CopyTo(decoded);
            Assert.Equal(original, decoded.ToArray());
        }

        var start = new ProcessStartInfo("xz", ["-dc", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var bySystem = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bySystem);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(original, bySystem.ToArray());
    }
}
