using Advisor.Bundles;
using Advisor.Facts.Builders;

namespace Advisor.Facts;

/// <summary>
/// Runs the parsers over a bundle's captured files and combines their records into <see cref="HostFacts"/>, one
/// builder per fact area (Facts/Builders). Order matters where facts derive from others: NUMA before IRQs,
/// block devices before device mapper, NICs and block devices before their IRQ sets.
/// </summary>
public static class HostFactsBuilder
{
    private static readonly (IReadOnlyList<string> Globs, Action<BuildContext> Build)[] Builders =
    [
        (KernelFactsBuilder.Globs, KernelFactsBuilder.Build),
        (OsFactsBuilder.Globs, OsFactsBuilder.Build),
        (PackageFactsBuilder.Globs, PackageFactsBuilder.Build),
        (CpuFactsBuilder.Globs, CpuFactsBuilder.Build),
        (NumaFactsBuilder.Globs, NumaFactsBuilder.Build),
        (PlatformFactsBuilder.Globs, PlatformFactsBuilder.Build),
        (MemoryFactsBuilder.Globs, MemoryFactsBuilder.Build),
        (BlockDeviceFactsBuilder.Globs, BlockDeviceFactsBuilder.Build),
        (DeviceMapperFactsBuilder.Globs, DeviceMapperFactsBuilder.Build),
        (IostatFactsBuilder.Globs, IostatFactsBuilder.Build),
        (NicFactsBuilder.Globs, NicFactsBuilder.Build),
        (IrqFactsBuilder.Globs, IrqFactsBuilder.Build),
        (ClocksourceFactsBuilder.Globs, ClocksourceFactsBuilder.Build),
        (KernelLogFactsBuilder.Globs, KernelLogFactsBuilder.Build),
        (SettingsFactsBuilder.Globs, SettingsFactsBuilder.Build),
        (PciFactsBuilder.Globs, PciFactsBuilder.Build),
        (ServiceFactsBuilder.Globs, ServiceFactsBuilder.Build),
    ];

    /// <summary>Every path the parsers read; the bundle reader keeps these and skips the rest.</summary>
    public static IReadOnlyList<string> WantedGlobs { get; } = [SosManifest.Path, .. Builders.SelectMany(b => b.Globs).Distinct()];

    /// <summary>What the bundle reader keeps: <see cref="WantedGlobs"/>, the kernel logs kept by their start and their end.</summary>
    public static WantedPaths Wanted { get; } = new(WantedGlobs) { LogsKeptByTheirEnd = new HashSet<string>(KernelLogFactsBuilder.Globs) };

    public static HostFacts Build(BundleContents bundle)
    {
        var facts = new HostFacts();
        var context = new BuildContext(bundle, facts);
        foreach (var (_, build) in Builders)
        {
            build(context);
        }

        return facts;
    }
}
