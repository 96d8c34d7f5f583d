using Advisor.Bundles;
using Advisor.Facts;

namespace Advisor.Ingestion;

/// <summary>
/// A made-up host — an Ubuntu 16.04 AWS kernel, one NVMe disk with merging off, a device-mapper snapshot, hpet as
/// clocksource — put through the real parsers, so that every rule scope (host, block device, dm target) has an
/// instance with its inputs present and the shipped rules' applies-to filters pass. RulesEngine
/// compiles a rule on its first run; running the rules over these facts once compiles them all, which a caller
/// can do on a spare thread while bundles are read.
/// </summary>
internal static class RuleWarmUp
{
    public static HostFacts Facts()
    {
        var bundle = new BundleContents();
        void Folder(string path) => bundle.AddEntry(new BundleEntry(path, BundleEntryKind.Directory, 0));
        void File(string path, string text)
        {
            bundle.AddEntry(new BundleEntry(path, BundleEntryKind.File, text.Length));
            bundle.AddCaptured(new CapturedFile(path, text, text.Length, Truncated: false));
        }

        Folder("sys/block");
        Folder("sys/block/nvme0n1");
        File("sos_commands/kernel/uname_-a", "Linux warm-up 4.4.0-1087-aws #98-Ubuntu SMP Wed Jun 26 05:50:53 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux\n");
        File("sos_commands/host/hostname", "warm-up\n");
        File("etc/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nVERSION_ID=\"16.04\"\nPRETTY_NAME=\"Ubuntu 16.04.6 LTS\"\n");
        File("sys/block/nvme0n1/queue/nomerges", "2\n");
        File("sys/block/nvme0n1/queue/rotational", "0\n");
        File("sys/block/nvme0n1/queue/scheduler", "[none] mq-deadline\n");
        File("sos_commands/devicemapper/dmsetup_table", "vg-snap: 0 2048 snapshot 253:1 253:2 P 8\nvg-vol: 0 2048 snapshot-origin 253:1\n");
        File("sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet\n");
        File("sys/devices/system/clocksource/clocksource0/available_clocksource", "tsc hpet acpi_pm\n");
        return HostFactsBuilder.Build(bundle);
    }
}
