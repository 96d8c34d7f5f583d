using Advisor.Facts;
using Advisor.Facts.Builders;
using Advisor.Parsing;

namespace Advisor.Collection;

/// <summary>
/// The one table of "sos path → command" for the live host: every command output the fact builders read
/// (<see cref="HostFactsBuilder.WantedGlobs"/>), with the command line sos itself would run for it. Files under
/// <c>/sys</c>, <c>/proc</c> and <c>/etc</c> need no entry: they are read directly through the same globs.
/// </summary>
public static class LiveCommandTable
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    /// <summary>The package list group: whichever package manager the host has.</summary>
    public const string PackagesGroup = "packages";

    /// <summary>The commands for a live read; <c>iostat -x -k 5 3</c> (15 seconds) only when <paramref name="withIostat"/>.</summary>
    public static IReadOnlyList<LiveCommand> Default(bool withIostat = false)
    {
        List<LiveCommand> commands =
        [
            new(UnameParser.SosPath, ["uname", "-a"], Short),
            new("sos_commands/host/hostname", ["hostname"], Short),
            new(OsReleaseParser.LsbReleaseCommandPath, ["lsb_release", "-a"], Short),
            new(LsblkParser.SosPath, ["lsblk"], Short),
            new(LsblkPairsParser.SosPath, ["lsblk", "-O", "-P"], Short),
            new(DmidecodeParser.SosPath, ["dmidecode"], Short, NeedsRoot: true),
            new(LscpuParser.SosPath, ["lscpu"], Short),
            new(NumactlHardwareParser.SosPath, ["numactl", "--hardware"], Short),
            new(FreeParser.SosPath, ["free"], Short),
            new(DmesgParser.SosPath, ["dmesg"], Short, NeedsRoot: true),
            new(DmsetupTableParser.SosPath, ["dmsetup", "table"], Short, NeedsRoot: true),
            new(DeviceMapperFactsBuilder.StatusPath, ["dmsetup", "status"], Short, NeedsRoot: true),
            new(DmsetupInfoParser.SosPath, ["dmsetup", "info", "-c"], Short, NeedsRoot: true),
            new("sos_commands/lvm2/lvs_-a_-o_lv_tags_devices_lv_kernel_read_ahead_lv_read_ahead_stripes_stripesize",
                ["lvs", "-a", "-o", "+lv_tags,devices,lv_kernel_read_ahead,lv_read_ahead,stripes,stripesize"], Short, NeedsRoot: true),
            new(EthtoolInfoParser.SosPathPrefix + LiveCommand.InterfacePlaceholder, ["ethtool", "-i", LiveCommand.InterfacePlaceholder], Short),
            new("sos_commands/networking/ip_-d_address", ["ip", "-d", "address"], Short),
            new("sos_commands/pci/lspci_-nnvv", ["lspci", "-nnvv"], Short),
            new(SysctlParser.SosPath, ["sysctl", "-a"], Short),
            new(SystemctlUnitsParser.SosPath, ["systemctl", "list-units", "--no-pager"], Short),
            new(SystemctlUnitFilesParser.SosPath, ["systemctl", "list-unit-files", "--no-pager"], Short),
            new(SystemdVirtualizationParser.SosPath, ["systemctl", "show", "--all", "--no-pager"], Short),
            new(DpkgListParser.SosPath, ["dpkg", "-l"], Long, Group: PackagesGroup),
            new(RpmListParser.SosPath, ["rpm", "-qa", "--qf", "%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\t%{INSTALLTIME:date}\n"], Long, Group: PackagesGroup),
        ];
        if (withIostat)
        {
            commands.Add(new("sos_commands/block/iostat_-x_-k_5_3", ["iostat", "-x", "-k", "5", "3"], TimeSpan.FromSeconds(25)));
        }

        return commands;
    }

    /// <summary>
    /// Folders the fact builders list or resolve through but no glob names (a tar lists every member; a live read
    /// only walks what it is asked for): their members are recorded as entries, symlinks with their targets.
    /// </summary>
    public static IReadOnlyList<string> ListedGlobs { get; } = ["sys/bus/pci/devices/*"];
}
