using Advisor.Tests.Support;

namespace Advisor.Tests.Collection;

/// <summary>
/// A folder laid out like a small host's <c>/</c>: one SCSI disk <c>sda</c> reached through the
/// <c>sys/block/sda</c> symlink, its queue files, a sysfs-style symlink loop, <c>/proc</c> and <c>/etc</c> files.
/// </summary>
public static class FakeRoot
{
    public const string DeviceFolder = "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda";

    public static string Create(TempFolder temp)
    {
        var root = temp.Combine("root");
        void Write(string path, string text)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        void Link(string path, string target)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.CreateSymbolicLink(full, target);
        }

        Write($"{DeviceFolder}/queue/nomerges", "2\n");
        Write($"{DeviceFolder}/queue/rotational", "0\n");
        Write($"{DeviceFolder}/queue/scheduler", "[none] mq-deadline\n");
        Write($"{DeviceFolder}/dev", "8:0\n");
        Write($"{DeviceFolder}/unwanted_attribute", "not read by any parser\n");
        Link("sys/block/sda", "../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda");
        // sysfs is full of links back up the tree: a walk that followed them would never end
        Link($"{DeviceFolder}/subsystem", "../../../../../../../../class/block");
        Link("sys/class/block/sda", "../../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda");
        Link($"{DeviceFolder}/loop", "..");
        Write("sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet\n");
        Write("sys/devices/system/clocksource/clocksource0/available_clocksource", "tsc hpet acpi_pm\n");
        Write("proc/sys/kernel/hostname", "fakehost\n");
        Write("proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro\n");
        Write("usr/lib/os-release", "NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\nPRETTY_NAME=\"Ubuntu 22.04.3 LTS\"\n");
        Link("etc/os-release", "../usr/lib/os-release");
        return root;
    }

    public const string UnameOutput = "Linux fakehost 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux\n";
}
