using Advisor.Parsing;

namespace Advisor.Tests.Support;

/// <summary>Every parser of src/Advisor/Parsing by name, for the robustness and fuzz tests.</summary>
public static class ParserCatalog
{
    public static readonly IReadOnlyDictionary<string, Func<TextLines, object?>> All = new Dictionary<string, Func<TextLines, object?>>
    {
        ["uname"] = l => UnameParser.Parse(l),
        ["proc-version"] = l => ProcVersionParser.Parse(l),
        ["cmdline"] = l => KernelCommandLineParser.Parse(l),
        ["os-release"] = l => OsReleaseParser.ParseOsRelease(l),
        ["lsb-release"] = l => OsReleaseParser.ParseLsbRelease(l),
        ["dpkg"] = l => DpkgListParser.Parse(l),
        ["rpm"] = l => RpmListParser.Parse(l),
        ["lscpu"] = l => LscpuParser.Parse(l),
        ["cpuinfo"] = l => CpuinfoParser.Parse(l),
        ["numactl"] = l => NumactlHardwareParser.Parse(l),
        ["dmidecode"] = l => DmidecodeParser.Parse(l),
        ["lsblk"] = l => LsblkParser.Parse(l),
        ["lsblk-pairs"] = l => LsblkPairsParser.Parse(l),
        ["dmsetup-table"] = l => DmsetupTableParser.Parse(l),
        ["dmsetup-info"] = l => DmsetupInfoParser.Parse(l),
        ["lvs"] = l => LvsParser.Parse(l),
        ["iostat"] = l => IostatParser.Parse(l),
        ["ethtool"] = l => EthtoolInfoParser.Parse(l),
        ["ip-link"] = l => IpLinkParser.Parse(l),
        ["interrupts"] = l => ProcInterruptsParser.Parse(l),
        ["dmesg"] = l => DmesgParser.Parse(l),
        ["sysctl"] = l => SysctlParser.Parse(l),
        ["vmstat"] = l => VmstatParser.Parse(l),
        ["lspci"] = l => LspciParser.Parse(l),
        ["systemctl-units"] = l => SystemctlUnitsParser.Parse(l),
        ["systemctl-unit-files"] = l => SystemctlUnitFilesParser.Parse(l),
        ["systemd-virtualization"] = l => SystemdVirtualizationParser.ParseContainer(l),
        ["meminfo"] = l => MeminfoParser.Parse(l),
        ["free"] = l => FreeParser.Parse(l),
        ["sysfs-int"] = l => SysfsValueParser.ParseInt(l),
        ["sysfs-long"] = l => SysfsValueParser.ParseLong(l),
        ["sysfs-word"] = l => SysfsValueParser.ParseWord(l),
        ["sysfs-words"] = l => SysfsValueParser.ParseWords(l),
        ["sysfs-choice"] = l => SysfsValueParser.ParseBracketedChoice(l),
        ["sysfs-link-speed"] = l => SysfsValueParser.ParseLinkSpeed(l),
    };
}
