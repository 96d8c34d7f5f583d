using System.Text.RegularExpressions;

namespace Advisor.Facts;

/// <summary>What kind of device a kernel block device name denotes.</summary>
public static partial class BlockTransport
{
    public static string FromKernelName(string name) => name switch
    {
        _ when NvmeNamespace().IsMatch(name) => "nvme",
        _ when name.StartsWith("sd", StringComparison.Ordinal) => "scsi",
        _ when name.StartsWith("vd", StringComparison.Ordinal) => "virtio",
        _ when name.StartsWith("xvd", StringComparison.Ordinal) => "xen",
        _ when name.StartsWith("dm-", StringComparison.Ordinal) => "dm",
        _ when name.StartsWith("md", StringComparison.Ordinal) => "md",
        _ when name.StartsWith("loop", StringComparison.Ordinal) => "loop",
        _ when name.StartsWith("bcache", StringComparison.Ordinal) => "bcache",
        _ when name.StartsWith("nbd", StringComparison.Ordinal) => "nbd",
        _ when name.StartsWith("rbd", StringComparison.Ordinal) => "rbd",
        _ when name.StartsWith("zram", StringComparison.Ordinal) => "zram",
        _ when name.StartsWith("sr", StringComparison.Ordinal) => "optical",
        _ => "other",
    };

    [GeneratedRegex(@"^nvme\d+(c\d+)?n\d+$")]
    private static partial Regex NvmeNamespace();
}
