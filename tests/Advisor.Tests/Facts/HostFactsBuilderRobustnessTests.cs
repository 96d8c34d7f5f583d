using Advisor.Bundles;
using Advisor.Facts;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Advisor.Tests.Facts;

/// <summary>Whatever text sits at the paths the builders read, building facts never throws.</summary>
public sealed class HostFactsBuilderRobustnessTests
{
    private static readonly string[] Paths =
    [
        "sos_commands/kernel/uname_-a", "proc/version", "proc/cmdline", "etc/os-release", "sos_commands/dpkg/dpkg_-l", "installed-rpms",
        "sos_commands/processor/lscpu", "proc/cpuinfo", "sys/devices/system/node/node0/cpulist", "sys/devices/system/node/node1/cpulist",
        "sos_commands/numa/numactl_--hardware", "sos_commands/hardware/dmidecode", "proc/meminfo", "sos_commands/memory/free",
        "sys/block/sda/queue/nomerges", "sys/block/sda/queue/scheduler", "sys/block/sda/dev", "sys/block/dm-0/dev", "sys/block/dm-0/dm/name",
        "sos_commands/block/lsblk", "sos_commands/block/lsblk_-O_-P", "sos_commands/devicemapper/dmsetup_table",
        "sos_commands/devicemapper/dmsetup_status", "sos_commands/devicemapper/dmsetup_info_-c", "sos_commands/lvm2/lvs_-a",
        "sos_commands/block/iostat_-x", "sos_commands/networking/ethtool_-i_eth0", "sys/class/net/eth0/device/numa_node",
        "sos_commands/networking/ip_-d_address", "proc/interrupts", "proc/irq/24/smp_affinity_list", "proc/irq/24/effective_affinity_list",
        "sys/devices/system/clocksource/clocksource0/current_clocksource", "sos_commands/kernel/dmesg", "sos_commands/kernel/sysctl_-a",
        "sys/kernel/mm/transparent_hugepage/defrag", "proc/vmstat", "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
        "sys/devices/system/cpu/vulnerabilities/meltdown", "sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count",
        "sys/devices/system/edac/mc/mc0/ce_count", "sos_commands/pci/lspci_-nnvv", "sys/bus/pci/devices/0000:3b:00.0/current_link_speed",
        "sos_commands/systemd/systemctl_list-units", "sos_commands/systemd/systemctl_list-unit-files", "sos_reports/manifest.json",
    ];

    private static Arbitrary<string[]> Contents()
    {
        var piece = Gen.Elements(
            " ", "\n", "\t", ":", "=", "0", "1", "-1", "253:0", "259:1", "dm-0", "sda", "eth0", "nvme0q1", "[x]", "Device r/s rkB/s\n",
            "CPU0 CPU1\n", "24: 5 6 PCI-MSI 1-edge eth0-TxRx-0\n", "node 0 cpus: 0 1\n", "NAME MAJ:MIN TYPE\n", "LV VG Attr\n",
            "Name Maj Min Stat Open Targ Event UUID\n", "x: 0 10 snapshot 253:0 253:1 P 8\n", "{\"components\":", "\u0000", "é");
        var text = Gen.ArrayOf(piece).Select(string.Concat);
        return Gen.ArrayOf(text, Paths.Length).ToArbitrary();
    }

    [Property(MaxTest = 150)]
    public Property Building_facts_from_arbitrary_inputs_never_throws() =>
        Prop.ForAll(Contents(), texts =>
        {
            var bundle = new BundleContents();
            for (var i = 0; i < Paths.Length; i++)
            {
                var parts = Paths[i].Split('/');
                for (var depth = 1; depth < parts.Length; depth++)
                {
                    var folder = string.Join('/', parts[..depth]);
                    if (!bundle.HasEntry(folder)) bundle.AddEntry(new BundleEntry(folder, BundleEntryKind.Directory, 0));
                }

                bundle.AddEntry(new BundleEntry(Paths[i], BundleEntryKind.File, texts[i].Length));
                bundle.AddCaptured(new CapturedFile(Paths[i], texts[i], texts[i].Length, i % 7 == 0));
            }

            var facts = HostFactsBuilder.Build(bundle);
            return facts.BlockDevices.Count == 2 && facts.Nics.Count == 1 && FactsJson.Deserialize(FactsJson.Serialize(facts)) is not null;
        });
}
