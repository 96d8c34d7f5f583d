using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

/// <summary>
/// Every parser on its file in the real hotsos ceph-mon bundle (an LXD container): most read fine, dmidecode holds
/// the container's permission errors instead of output.
/// </summary>
public sealed class HotsosCephMonCapturesTests
{
    private static TextLines File(string path) => RealCaptures.FileOf(RealCaptures.CephMon, path);

    [Fact]
    public void Dmidecode_in_a_container_is_an_error_message_with_its_line()
    {
        var result = DmidecodeParser.Parse(File(DmidecodeParser.SosPath));

        Assert.False(result.IsUsable);
        Assert.Contains("Permission denied", result.UnusableReason);
        Assert.Equal(2, result.Evidence!.Line);
    }

    [Fact]
    public void The_other_captures_parse_with_their_real_values()
    {
        Assert.Equal("5.4.0-97-generic", UnameParser.Parse(File(UnameParser.SosPath)).Value!.Release.Value);
        Assert.Equal(["BOOT_IMAGE", "root", "ro"], KernelCommandLineParser.Parse(File(KernelCommandLineParser.SosPath)).Value!.Parameters.Select(p => p.Name));
        Assert.Equal("Ubuntu 20.04.3 LTS", OsReleaseParser.ParseLsbRelease(File(OsReleaseParser.LsbReleasePath)).Value!.PrettyName.Value);
        Assert.Equal(692, DpkgListParser.Parse(File(DpkgListParser.SosPath)).Value!.Count);
        Assert.Equal("0,1", LscpuParser.Parse(File(LscpuParser.SosPath)).Value!.NumaNodes.Single().Cpus.Value);
        Assert.Contains("constant_tsc", CpuinfoParser.Parse(File(CpuinfoParser.SosPath)).Value!.Flags.Value);
        Assert.Equal(2097152, MeminfoParser.Parse(File(MeminfoParser.SosPath)).Value!["MemTotal"].Value);
        Assert.True(FreeParser.Parse(File(FreeParser.SosPath)).IsUsable);
        Assert.Contains(LsblkParser.Parse(File(LsblkParser.SosPath)).Value!, r => r.Name == "vda");
        Assert.Contains(LsblkPairsParser.Parse(File(LsblkPairsParser.SosPath)).Value!, r => r.Get("NAME") == "vda");
        Assert.Equal(57, ProcInterruptsParser.Parse(File(ProcInterruptsParser.SosPath)).Value!.Count);
        var dmesg = DmesgParser.Parse(File(DmesgParser.SosPath)).Value!;
        Assert.Equal(1252, dmesg.Count);
        Assert.Equal((0.171622, "acpiphp"), (dmesg[0].Time!.Value, dmesg[0].Subsystem));
        Assert.NotEmpty(SysctlParser.Parse(File(SysctlParser.SosPath)).Value!);
        Assert.True(VmstatParser.Parse(File(VmstatParser.SosPath)).Value!.ContainsKey("compact_stall"));
        Assert.Equal(21, LspciParser.Parse(File("sos_commands/pci/lspci_-nnvv")).Value!.Count);
        Assert.Equal(164, SystemctlUnitsParser.Parse(File(SystemctlUnitsParser.SosPath)).Value!.Count);
        Assert.True(SystemctlUnitFilesParser.Parse(File(SystemctlUnitFilesParser.SosPath)).IsUsable);
        Assert.Contains(IpLinkParser.Parse(File("sos_commands/networking/ip_-d_address")).Value!, l => l.Name == "eth0");
        Assert.Equal("lxc", SystemdVirtualizationParser.ParseContainer(File(SystemdVirtualizationParser.SosPath)).Value);
    }
}
