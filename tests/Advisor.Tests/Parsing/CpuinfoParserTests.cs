using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class CpuinfoParserTests
{
    [Theory]
    [InlineData("insights-core/proc_cpuinfo/1.txt", 32, 2, "Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz", "constant_tsc")]
    [InlineData("insights-core/proc_cpuinfo/2.txt", 8, 1, "Intel(R) Core(TM) i7-4800MQ CPU @ 2.70GHz", "constant_tsc")]
    [InlineData("insights-core/proc_cpuinfo/3.txt", 4, 0, "ARMv7 Processor rev 5 (v7l)", "vfp")]
    [InlineData("insights-core/proc_cpuinfo/4.txt", 2, 0, null, "zarch")]
    [InlineData("insights-core/proc_cpuinfo/5.txt", 2, 0, null, "zarch")]
    [InlineData("intel-stats-collect/adl0/proc_cpuinfo.txt", 16, 1, "12th Gen Intel(R) Core(TM) i7-1260P", "nonstop_tsc")]
    [InlineData("intel-stats-collect/milan0/proc_cpuinfo.txt", 128, 2, "AMD EPYC 7543 32-Core Processor", "constant_tsc")]
    [InlineData("intel-pepc/hswep0/proc/cpuinfo", 56, 2, "Intel(R) Xeon(R) CPU E5-2697 v3 @ 2.60GHz", "nonstop_tsc")]
    [InlineData("intel-pepc/milan0/proc/cpuinfo", 128, 2, "AMD EPYC 7543 32-Core Processor", "constant_tsc")]
    public void Every_real_cpuinfo_yields_cpu_count_sockets_model_and_flags(string sample, int cpus, int sockets, string? model, string flag)
    {
        var result = CpuinfoParser.Parse(RealCaptures.Sample(sample));

        Assert.True(result.IsUsable, result.UnusableReason);
        var cpuinfo = result.Value!;
        Assert.Equal(cpus, cpuinfo.LogicalCpus);
        Assert.Equal(sockets, cpuinfo.Sockets);
        if (model is null) Assert.False(cpuinfo.ModelName.IsPresent);
        else Assert.Equal(model, cpuinfo.ModelName.Value);
        Assert.Contains(flag, cpuinfo.Flags.Value);
    }

    [Fact]
    public void Haswell_EP_family_and_model_come_with_their_line()
    {
        var cpuinfo = CpuinfoParser.Parse(RealCaptures.Sample("intel-pepc/hswep0/proc/cpuinfo")).Value!;

        Assert.Equal(6, cpuinfo.Family.Value);
        Assert.Equal(63, cpuinfo.Model.Value);
        Assert.Equal(4, cpuinfo.Model.Source!.Line);
    }

    [Fact]
    public void Empty_file_and_error_text_are_unusable()
    {
        Assert.False(CpuinfoParser.Parse(new TextLines("proc/cpuinfo", "")).IsUsable);
        var error = CpuinfoParser.Parse(new TextLines("proc/cpuinfo", "cat: /proc/cpuinfo: Permission denied\n"));
        Assert.Contains("error message", error.UnusableReason);
    }

    [Fact]
    public void Crlf_and_a_truncated_last_line_still_parse()
    {
        var result = CpuinfoParser.Parse(new TextLines("proc/cpuinfo", "processor\t: 0\r\nmodel name\t: Test CPU\r\nflags\t\t: fpu tsc\r\n\r\nprocessor\t: 1\r\nmodel na"));

        Assert.Equal(2, result.Value!.LogicalCpus);
        Assert.Equal("Test CPU", result.Value.ModelName.Value);
        Assert.Equal(["fpu", "tsc"], result.Value.Flags.Value);
    }
}
