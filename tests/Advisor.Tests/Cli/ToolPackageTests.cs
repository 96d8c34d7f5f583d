using System.IO.Compression;
using System.Reflection.PortableExecutable;
using Advisor.Tests.Support;

namespace Advisor.Tests.Cli;

/// <summary>
/// The README's "Installing as a .NET tool", done for real on a copy of the sources: <c>dotnet pack</c>, then
/// <c>dotnet tool install</c> from the packages it wrote, then the installed <c>advisor</c> on the shipped sample. The
/// Linux x64 package must hold the ReadyToRun build the benchmark measures; the portable one, plain IL.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly string[] Sources = ["Directory.Build.props", "Directory.Packages.props", "global.json", "rules.schema.json", "rules", "kb", "src/Advisor", "src/Advisor.Cli"];
    private readonly TempFolder temp = new();

    [Fact]
    public void The_packed_tool_installs_and_runs_the_ahead_of_time_compiled_build_on_linux_x64()
    {
        var repository = temp.Combine("repository");
        foreach (var source in Sources) Copy(TestPaths.InRepository(source), Path.Combine(repository, source));
        var packages = temp.Combine("packages");
        var tools = temp.Combine("tools");

        Dotnet(repository, "pack", "src/Advisor.Cli", "-c", "Release", "-o", packages, "-nologo");
        Assert.Equal(["Advisor.0.1.0.nupkg", "Advisor.any.0.1.0.nupkg", "Advisor.linux-x64.0.1.0.nupkg"], Directory.GetFiles(packages).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(IsReadyToRun(PackedAdvisorDll(packages, "linux-x64")), "the linux-x64 package's Advisor.dll is not ReadyToRun");
        Assert.False(IsReadyToRun(PackedAdvisorDll(packages, "any")), "the portable package's Advisor.dll should be plain IL");

        Dotnet(temp.FullPath, "tool", "install", "--tool-path", tools, "--add-source", packages, "Advisor");
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "Advisor.dll", SearchOption.AllDirectories);
        Assert.True(IsReadyToRun(Assert.Single(installed)), "the installed Advisor.dll is not ReadyToRun");

        var report = temp.Combine("report.md");
        var run = Run(temp.FullPath, Path.Combine(tools, "advisor"), "ingest", TestPaths.InRepository("samples/sosreport-nvme-snapshot-host.tar.xz"), "--db", temp.Combine("advisor.db"), "--output", report);
        Assert.Contains("3 finding(s)", run.Error);
        var text = File.ReadAllText(report);
        Assert.Contains("ADV0001", text);
        Assert.Contains("ADV0002", text);
    }

    public void Dispose() => temp.Dispose();

    private static byte[] PackedAdvisorDll(string packages, string rid)
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages, $"Advisor.{rid}.0.1.0.nupkg"));
        var entry = package.GetEntry($"tools/net10.0/{rid}/Advisor.dll") ?? throw new InvalidOperationException($"no Advisor.dll in the {rid} package");
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool IsReadyToRun(string assembly) => IsReadyToRun(File.ReadAllBytes(assembly));

    /// <summary>A ReadyToRun image carries native code behind the CLI header's managed native header; IL alone has none.</summary>
    private static bool IsReadyToRun(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj") continue;
            Copy(file, Path.Combine(to, relative));
        }
    }

    private static void Dotnet(string workingDirectory, params string[] arguments)
    {
        var result = Run(workingDirectory, "dotnet", arguments);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Out}\n{result.Error}");
    }

    private static CliRunner.Result Run(string workingDirectory, string program, params string[] arguments) =>
        AdvisorProcess.RunProgram(workingDirectory, program, arguments, TimeSpan.FromMinutes(10), start =>
        {
            // the test host's own MSBuild settings would steer the child build into this test run's build
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }
        });
}
