using System.Diagnostics;
using System.Text;
using Advisor.Collection;
using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>Real processes: output kept up to a cap, missing programs are 127, a timeout kills the whole process tree.</summary>
public sealed class ProcessCommandRunnerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_timeout_kills_the_command_and_the_processes_it_started()
    {
        var childPidFile = temp.Combine("child.pid");
        var runner = new ProcessCommandRunner();

        var clock = Stopwatch.StartNew();
        var result = runner.Run(["sh", "-c", $"sleep 30 & echo $! > '{childPidFile}'; echo started; wait"], TimeSpan.FromSeconds(1), 1024);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.True(result.TimedOut);
        Assert.Equal("started\n", Encoding.UTF8.GetString(result.Output));
        var childPid = int.Parse(File.ReadAllText(childPidFile).Trim());
        Assert.False(IsRunning(childPid), $"the grandchild 'sleep 30' (pid {childPid}) survived the timeout");
    }

    [Fact]
    public void Output_beyond_the_cap_is_drained_and_marked_truncated()
    {
        var result = new ProcessCommandRunner().Run(["sh", "-c", "yes | head -c 300000"], TimeSpan.FromSeconds(10), 1000);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1000, result.Output.Length);
        Assert.True(result.OutputTruncated);
    }

    [Fact]
    public void A_program_that_is_not_installed_is_exit_code_127_not_an_exception()
    {
        var result = new ProcessCommandRunner().Run(["advisor-test-no-such-program"], TimeSpan.FromSeconds(5), 1000);

        Assert.True(result.NotFound);
        Assert.Empty(result.Output);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_file_that_may_not_be_executed_is_exit_code_126()
    {
        var script = temp.Combine("not-executable.sh");
        File.WriteAllText(script, "#!/bin/sh\necho never\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = new ProcessCommandRunner().Run([script], TimeSpan.FromSeconds(5), 1000);

        Assert.Equal(CommandResult.CannotExecuteExitCode, result.ExitCode);
    }

    private static bool IsRunning(int pid)
    {
        // a killed child may linger a moment as a zombie until reaped; give it that moment
        for (var i = 0; i < 20; i++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat)) return false;
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            if (state == 'Z') return false;
            Thread.Sleep(100);
        }

        return true;
    }
}
