using Advisor.Bundles;
using Advisor.Facts;
using Advisor.Tests.Support;

namespace Advisor.Tests.Facts;

/// <summary>
/// The intel/pepc emulation data of hswep0 (2x Xeon E5-2697 v3): its sysfs dump (<c>ro|path|value</c> lines),
/// proc/cpuinfo, cmdline and version turned into a bundle, then read as any sosreport.
/// </summary>
public sealed class IntelPepcHostTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Hswep0_numa_map_cpufreq_cpu_identity_and_command_line()
    {
        var facts = Build("hswep0");

        Assert.Equal(2, facts.Numa.Nodes.Count);
        Assert.Equal("1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,43,45,47,49,51,53,55", facts.Numa.Nodes[1].Cpus.Value);
        Assert.Equal("sys/devices/system/node/node1/cpulist", facts.Numa.Nodes[1].Cpus.Source!.Path);
        Assert.Equal(1, facts.Numa.NodeOfCpu(55));
        Assert.Equal(0, facts.Numa.NodeOfCpu(54));
        Assert.Equal(-1, facts.Numa.NodeOfCpu(56));
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2697 v3 @ 2.60GHz", facts.Cpu.ModelName.Value);
        Assert.Equal(63, facts.Cpu.Model.Value);
        Assert.Equal(2, facts.Cpu.Sockets.Value);
        Assert.Equal(56, facts.Cpu.LogicalCpus.Value);
        Assert.True(facts.Cpu.HasFlag("nonstop_tsc"));
        Assert.Equal(["schedutil"], facts.Cpu.Governors);
        Assert.Equal(["intel_cpufreq"], facts.Cpu.FrequencyDrivers);
        Assert.Equal("6.18.8-200.fc43.x86_64", facts.Kernel.Release.Value);
        Assert.Equal("on", facts.Kernel.ParameterValue("msr.allow_writes"));
        Assert.Equal("ttyS0,115200", facts.Kernel.ParameterValue("console"));
        Assert.True(facts.Kernel.HasParameter("ro"));
        Assert.False(facts.Kernel.HasParameter("quiet"));
    }

    [Fact]
    public void Milan0_epyc_nodes_and_acpi_cpufreq()
    {
        var facts = Build("milan0");

        Assert.Equal(["0-31,64-95", "32-63,96-127"], facts.Numa.Nodes.Select(n => n.Cpus.Value));
        Assert.Equal(1, facts.Numa.NodeOfCpu(127));
        Assert.Equal("AMD EPYC 7543 32-Core Processor", facts.Cpu.ModelName.Value);
        Assert.Equal("AuthenticAMD", facts.Cpu.Vendor.Value);
        Assert.Equal(["schedutil"], facts.Cpu.Governors);
        Assert.Equal(["acpi-cpufreq"], facts.Cpu.FrequencyDrivers);
        Assert.Equal("6.18.0-rc1+", facts.Kernel.Release.Value);
    }

    private HostFacts Build(string host)
    {
        var folder = TestPaths.RealData($"samples/intel-pepc/{host}");
        var builder = new BundleBuilder($"sosreport-{host}-2026-01-01-pepc")
            .File("proc/cpuinfo", File.ReadAllText(Path.Combine(folder, "proc/cpuinfo")))
            .File("proc/cmdline", File.ReadAllText(Path.Combine(folder, "proc/cmdline")))
            .File("proc/version", File.ReadAllText(Path.Combine(folder, "proc/version")));
        foreach (var line in File.ReadLines(Path.Combine(folder, "sys/inlinefiles.txt")))
        {
            if (line.StartsWith('#')) continue;
            var parts = line.Split('|', 3);
            if (parts.Length == 3 && parts[1].StartsWith("/sys/", StringComparison.Ordinal)) builder.File(parts[1][1..], parts[2] + "\n");
        }

        var bundle = builder.WriteTarGz(temp.Combine($"{host}.tar.gz"));
        var contents = new BundleReader(HostFactsBuilder.Wanted, new BundleLimits()).Read(bundle, out _);
        return HostFactsBuilder.Build(contents);
    }
}
