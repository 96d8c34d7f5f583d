using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class KernelCommandLineParserTests
{
    [Theory]
    [InlineData("intel-stats-collect/adl0/proc_cmdline.txt", "console", "ttyUSB0,115200")]
    [InlineData("intel-stats-collect/milan0/proc_cmdline.txt", "console", "ttyS0,115200")]
    [InlineData("intel-pepc/hswep0/proc/cmdline", "root", "UUID=f2830253-b41b-4fd0-8237-67e0f4229b7b")]
    [InlineData("intel-pepc/milan0/proc/cmdline", "msr.allow_writes", "on")]
    public void Parameters_of_every_real_command_line(string sample, string name, string value)
    {
        var cmdline = KernelCommandLineParser.Parse(RealCaptures.Sample(sample)).Value!;

        Assert.Equal(value, cmdline.Parameters.Single(p => p.Name == name).Value.Value);
        Assert.Contains(cmdline.Parameters, p => p.Name == "ro" && p.Value.Value == "");
    }

    [Fact]
    public void Hotsos_command_line()
    {
        var cmdline = KernelCommandLineParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, KernelCommandLineParser.SosPath)).Value!;

        Assert.Equal(["BOOT_IMAGE", "root", "ro"], cmdline.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Quoted_values_and_odd_inputs()
    {
        var cmdline = KernelCommandLineParser.Parse(new TextLines("proc/cmdline", "quiet dyndbg=\"file x.c +p\" nvme_core.default_ps_max_latency_us=0 clocksource=tsc\r\n")).Value!;
        Assert.Equal(["quiet", "dyndbg", "nvme_core.default_ps_max_latency_us", "clocksource"], cmdline.Parameters.Select(p => p.Name));
        Assert.Equal("file x.c +p", cmdline.Parameters[1].Value.Value);
        Assert.False(KernelCommandLineParser.Parse(new TextLines("proc/cmdline", "")).IsUsable);
        Assert.False(KernelCommandLineParser.Parse(new TextLines("proc/cmdline", "cat: /proc/cmdline: Permission denied")).IsUsable);
    }
}
