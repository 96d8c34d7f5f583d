namespace Advisor.Tests.Support;

/// <summary>Sosreport-like hosts for tests, written in the layout and formats real sos 4.x produces.</summary>
public static class SosFixtures
{
    /// <summary>
    /// An Ubuntu 16.04 EC2 instance with two NVMe namespaces and an LVM snapshot of a volume on <c>nvme1n1</c>.
    /// sysfs <c>sys/block/*</c> entries are symlinks into <c>sys/devices</c>, as in real bundles.
    /// </summary>
    public static BundleBuilder UbuntuNvmeSnapshotHost(string kernel = "4.4.0-1087-aws", int nomerges = 2, string enaVersion = "1.5.0K", string opensslVersion = "1.0.2g-1ubuntu4.15")
    {
        var abi = kernel.Split('-')[1];
        var builder = new BundleBuilder("sosreport-ip-10-0-0-12-2019-07-01-qwerty")
            .File("sos_commands/kernel/uname_-a", $"Linux ip-10-0-0-12 {kernel} #98-Ubuntu SMP Wed Jun 26 05:50:53 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n")
            .Symlink("uname", "sos_commands/kernel/uname_-a")
            .File("sos_commands/host/hostname", "ip-10-0-0-12\n")
            .File("etc/os-release", """
                NAME="Ubuntu"
                VERSION="16.04.6 LTS (Xenial Xerus)"
                ID=ubuntu
                ID_LIKE=debian
                PRETTY_NAME="Ubuntu 16.04.6 LTS"
                VERSION_ID="16.04"

                """)
            .File("sos_commands/processor/lscpu", """
                Architecture:          x86_64
                CPU op-mode(s):        32-bit, 64-bit
                CPU(s):                8
                On-line CPU(s) list:   0-7
                Thread(s) per core:    2
                Core(s) per socket:    4
                Socket(s):             1
                NUMA node(s):          1
                Vendor ID:             GenuineIntel
                CPU family:            6
                Model:                 85
                Model name:            Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz
                Hypervisor vendor:     KVM
                Virtualization type:   full
                NUMA node0 CPU(s):     0-7

                """)
            .File("sos_commands/hardware/dmidecode", """
                # dmidecode 3.0
                Getting SMBIOS data from sysfs.
                SMBIOS 2.7 present.

                Handle 0x0001, DMI type 1, 27 bytes
                System Information
                	Manufacturer: Amazon EC2
                	Product Name: m5.2xlarge
                	Version: Not Specified

                """)
            .File("sys/devices/system/clocksource/clocksource0/current_clocksource", "kvm-clock\n")
            .File("sys/devices/system/clocksource/clocksource0/available_clocksource", "kvm-clock tsc hpet acpi_pm \n")
            .File("sos_commands/devicemapper/dmsetup_table", """
                data-snap: 0 209715200 snapshot 253:1 253:2 P 8
                data-snap-cow: 0 20971520 linear 259:1 209717248
                data-vol: 0 209715200 snapshot-origin 253:1
                data-vol-real: 0 209715200 linear 259:1 2048

                """)
            .File("sos_commands/kernel/dmesg", $$"""
                [    0.000000] Linux version {{kernel}} (buildd@lcy01-amd64-012) (gcc version 5.4.0 20160609 (Ubuntu 5.4.0-6ubuntu1~16.04.10))
                [    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-{{kernel}} root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0 nvme_core.io_timeout=4294967295
                [    0.562109] clocksource: Switched to clocksource kvm-clock
                [    1.104321] nvme nvme0: pci function 0000:00:04.0
                [    1.118220] nvme nvme1: pci function 0000:00:1f.0
                [    1.327730] ena 0000:00:05.0: Elastic Network Adapter (ENA) v1.5.0K

                """)
            .File("proc/cmdline", $"BOOT_IMAGE=/boot/vmlinuz-{kernel} root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0 nvme_core.io_timeout=4294967295\n")
            .File("sos_commands/kernel/sysctl_-a", """
                vm.dirty_background_ratio = 10
                vm.dirty_ratio = 20
                vm.swappiness = 60
                vm.zone_reclaim_mode = 0

                """)
            .File("sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n")
            .File("sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never\n")
            .File("proc/vmstat", "nr_free_pages 7554411\ncompact_stall 0\ncompact_fail 0\n")
            .File("sos_commands/dpkg/dpkg_-l", $$"""
                Desired=Unknown/Install/Remove/Purge/Hold
                | Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend
                |/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)
                ||/ Name                              Version                 Architecture Description
                +++-=================================-=======================-============-==================================
                ii  linux-image-{{kernel}}            {{kernel.Replace("-aws", "")}}.{{abi}}          amd64        Linux kernel image
                ii  linux-aws                         4.4.0.{{abi}}.100          amd64        Complete Linux kernel for Amazon Web Services (AWS) systems.
                ii  lvm2                              2.02.133-1ubuntu10      amd64        Linux Logical Volume Manager
                ii  openssl                           {{opensslVersion}}      amd64        Secure Sockets Layer toolkit
                ii  nvme-cli                          0.5-1                   amd64        userspace tooling to control NVMe drives

                """)
            .File("sos_commands/networking/ethtool_-i_ens5", $"driver: ena\nversion: {enaVersion}\nfirmware-version: \nexpansion-rom-version: \nbus-info: 0000:00:05.0\nsupports-statistics: yes\n")
            .Symlink("sys/class/net/ens5", "../../devices/pci0000:00/0000:00:05.0/net/ens5")
            .Symlink("sys/devices/pci0000:00/0000:00:05.0/net/ens5/device", "../../../0000:00:05.0")
            .File("sys/devices/pci0000:00/0000:00:05.0/numa_node", "-1\n")
            .File("sos_commands/block/lsblk", """
                NAME                MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT
                nvme0n1             259:0    0    8G  0 disk
                `-nvme0n1p1         259:2    0    8G  0 part /
                nvme1n1             259:1    0  200G  0 disk
                |-data-vol-real     253:1    0  100G  0 lvm
                | |-data-vol        253:0    0  100G  0 lvm  /data
                | `-data-snap       253:3    0  100G  0 lvm
                `-data-snap-cow     253:2    0   10G  0 lvm
                  `-data-snap       253:3    0  100G  0 lvm

                """);
        AddNvme(builder, "nvme0n1", "0000:00:04.0", "nvme0", nomerges);
        AddNvme(builder, "nvme1n1", "0000:00:1f.0", "nvme1", nomerges);
        foreach (var dm in new[] { "dm-0", "dm-1", "dm-2", "dm-3" })
        {
            builder.Symlink($"sys/block/{dm}", $"../devices/virtual/block/{dm}")
                .File($"sys/devices/virtual/block/{dm}/queue/nomerges", "0\n")
                .File($"sys/devices/virtual/block/{dm}/queue/rotational", "0\n")
                .File($"sys/devices/virtual/block/{dm}/queue/scheduler", "none\n");
        }

        return builder;
    }

    private static void AddNvme(BundleBuilder builder, string name, string pci, string controller, int nomerges)
    {
        var device = $"sys/devices/pci0000:00/{pci}/nvme/{controller}/{name}";
        builder.Symlink($"sys/block/{name}", $"../{device["sys/".Length..]}")
            .File($"{device}/queue/nomerges", $"{nomerges}\n")
            .File($"{device}/queue/rotational", "0\n")
            .File($"{device}/queue/scheduler", "none\n")
            .File($"{device}/queue/add_random", "0\n");
    }

    /// <summary>
    /// A CentOS 7 Dell R730xd (real dmidecode and lscpu captures from linuxhw) running on hpet with tsc available.
    /// </summary>
    public static BundleBuilder CentOsBareMetalOnHpet(string current = "hpet", bool virtualMachine = false)
    {
        var lscpu = File.ReadAllText(TestPaths.RealData("samples/linuxhw-lscpu/Intel_Xeon_Xeon_E5-2680_v3_6-63-2_446C1D6A9B"));
        if (virtualMachine)
        {
            lscpu = lscpu.Replace("Virtualization:", "Hypervisor vendor:   VMware\nVirtualization:");
        }

        return new BundleBuilder("sosreport-storage01-2020-03-02-xyzabc")
            .File("sos_commands/kernel/uname_-a", "Linux storage01 3.10.0-1062.1.2.el7.x86_64 #1 SMP Mon Sep 30 14:19:46 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n")
            .File("etc/os-release", File.ReadAllText(TestPaths.RealData("samples/jc/generic/os-release-centos")))
            .File("sos_commands/processor/lscpu", lscpu)
            .File("sos_commands/hardware/dmidecode", File.ReadAllText(TestPaths.RealData("samples/linuxhw-dmidecode/Dell_PowerEdge_PowerEdge_R730xd_9E9D528A6947")))
            .File("sys/devices/system/clocksource/clocksource0/current_clocksource", current + "\n")
            .File("sys/devices/system/clocksource/clocksource0/available_clocksource", "tsc hpet acpi_pm \n")
            .File("sys/block/sda/queue/nomerges", "0\n")
            .File("sys/block/sda/queue/rotational", "1\n")
            .File("sys/block/sda/queue/scheduler", "noop [deadline] cfq\n");
    }

    /// <summary>A host from <c>rules/tests/bases/&lt;name&gt;.yaml</c>, the bases the rule test cases start from.</summary>
    public static BundleBuilder FromRuleTestBase(string name)
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder()
            .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<Advisor.Rules.Testing.RuleTestBase>(File.ReadAllText(TestPaths.InRepository($"rules/tests/bases/{name}.yaml")));
        var builder = new BundleBuilder($"sosreport-{name}-2026-01-01-abcdef");
        foreach (var (path, text) in yaml.Files) builder.File(path, text);
        foreach (var (path, target) in yaml.Links) builder.Symlink(path, target);
        return builder;
    }
}
