using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary>uname -a, proc/version and proc/cmdline.</summary>
public sealed class KernelParsersTests
{
    [Theory]
    [InlineData("jc/centos-7.7/uname-a.out", "localhost.localdomain", "3.10.0-1062.1.2.el7.x86_64")]
    [InlineData("jc/ubuntu-18.04/uname-a.out", "kbrazil-ubuntu", "4.15.0-65-generic")]
    public void Uname_host_and_release(string sample, string host, string release)
    {
        var uname = UnameParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal((host, release), (uname.Hostname.Value, uname.Release.Value));
    }

    [Theory]
    [InlineData("intel-pepc/hswep0/proc/version", "6.18.8-200.fc43.x86_64")]
    [InlineData("intel-pepc/milan0/proc/version", "6.18.0-rc1+")]
    public void Proc_version_release(string sample, string? release)
    {
        var version = ProcVersionParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.StartsWith("Linux version ", version.Line.Value);
        if (release is not null) Assert.Equal(release, version.Release.Value);
    }

    [Theory]
    [InlineData("intel-stats-collect/adl0/proc_cmdline.txt", "console", "ttyUSB0,115200")]
    [InlineData("intel-stats-collect/milan0/proc_cmdline.txt", "console", "ttyS0,115200")]
    [InlineData("intel-pepc/hswep0/proc/cmdline", "root", "UUID=f2830253-b41b-4fd0-8237-67e0f4229b7b")]
    [InlineData("intel-pepc/milan0/proc/cmdline", "msr.allow_writes", "on")]
    public void Command_line_parameters(string sample, string name, string value)
    {
        var cmdline = KernelCommandLineParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal(value, cmdline.Parameters.Single(p => p.Name == name).Value.Value);
        Assert.Contains(cmdline.Parameters, p => p.Name == "ro" && p.Value.Value == "");
    }

    [Fact]
    public void Quoted_values_and_odd_inputs()
    {
        var cmdline = KernelCommandLineParser.Parse(new TextLines("proc/cmdline", "quiet dyndbg=\"file x.c +p\" nvme_core.default_ps_max_latency_us=0 clocksource=tsc\r\n")).Value!;
        Assert.Equal(["quiet", "dyndbg", "nvme_core.default_ps_max_latency_us", "clocksource"], cmdline.Parameters.Select(p => p.Name));
        Assert.Equal("file x.c +p", cmdline.Parameters[1].Value.Value);
        Assert.False(KernelCommandLineParser.Parse(new TextLines("proc/cmdline", "")).IsUsable);
        Assert.False(UnameParser.Parse(new TextLines("uname", "uname: command not found")).IsUsable);
        Assert.False(ProcVersionParser.Parse(new TextLines("proc/version", "garbage\n")).IsUsable);
    }
}
