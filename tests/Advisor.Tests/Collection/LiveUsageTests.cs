using Advisor.Cli;
using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>The bundle argument is optional only together with <c>--live</c>; each misuse is one line and exit code 2.</summary>
public sealed class LiveUsageTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Ingest_without_a_bundle_and_without_live_is_a_usage_error()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("advisor: error: ingest needs a bundle (a sosreport archive or folder), or --live to analyse this machine", result.Error.Trim());
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void Live_with_a_bundle_is_a_usage_error()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", "--live", "host.tar.xz", "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("advisor: error: --live analyses this machine and takes no bundle, but 1 were given ('host.tar.xz')", result.Error.Trim());
    }

    [Fact]
    public void Iostat_without_live_is_a_usage_error()
    {
        var result = CliRunner.Run(temp.FullPath, "ingest", "host.tar.xz", "--iostat", "--db", temp.DatabasePath);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("advisor: error: --iostat samples the running system: use it with --live", result.Error.Trim());
    }

    [Fact]
    public void Collect_to_a_folder_that_does_not_exist_is_one_line_and_exit_code_2()
    {
        var result = CliRunner.Run(temp.FullPath, "collect", "--quiet", "--output", temp.Combine("missing", "host.tar.xz"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("advisor: error: ", result.Error);
        Assert.Contains("cannot write the bundle", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
