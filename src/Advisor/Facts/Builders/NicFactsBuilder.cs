using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>
/// Network interfaces: names from <c>sys/class/net</c> (else <c>ip</c> output, else the ethtool files), <c>ethtool -i</c>
/// driver details and <c>device/numa_node</c>. Loopback is left out. Interrupts are added by <see cref="IrqFactsBuilder"/>.
/// </summary>
public static class NicFactsBuilder
{
    public static readonly string[] Globs =
    [
        EthtoolInfoParser.SosPathPrefix + "*", "sys/class/net/*/device/numa_node", "sys/devices/**/numa_node", .. IpLinkParser.SosPaths,
    ];

    public static void Build(BuildContext context)
    {
        var names = context.Folder("sys/class/net").ToList();
        if (names.Count == 0 && context.FirstLines(IpLinkParser.SosPaths) is { } ipLines && context.Usable(IpLinkParser.Parse(ipLines)) is { } links)
        {
            names = [.. links.Select(l => l.Name)];
        }

        if (names.Count == 0)
        {
            names = [.. context.Bundle.CapturedFiles.Select(f => f.Path)
                .Where(p => p.StartsWith(EthtoolInfoParser.SosPathPrefix, StringComparison.Ordinal))
                .Select(p => p[EthtoolInfoParser.SosPathPrefix.Length..]).Order(StringComparer.Ordinal)];
        }

        // sys/class/net also holds the bonding driver's control file
        foreach (var name in names.Where(n => n is not "lo" and not "bonding_masters"))
        {
            var nic = new Nic { Name = name };
            if (context.Lines(EthtoolInfoParser.SosPathPrefix + name) is { } ethtoolLines
                && context.Usable(EthtoolInfoParser.Parse(ethtoolLines), r => nic.Driver = Fact<string>.Unusable(r)) is { } info)
            {
                nic.Driver = info.Driver;
                nic.DriverVersion = info.Version;
                nic.FirmwareVersion = info.FirmwareVersion;
                nic.BusInfo = info.BusInfo;
            }

            nic.NumaNode = context.Int($"sys/class/net/{name}/device/numa_node");
            if (!nic.NumaNode.IsPresent && nic.IsPci && context.Lines($"sys/bus/pci/devices/{nic.BusInfo.Value}/numa_node") is { } pciNode)
            {
                // virtio NICs: the node belongs to the PCI function above the virtioN device
                nic.NumaNode = SysfsValueParser.ParseInt(pciNode);
            }
            var real = context.Bundle.Resolve($"sys/class/net/{name}");
            nic.IsPhysical = context.Bundle.Resolve($"sys/class/net/{name}/device") is not null
                || (real is not null && !real.StartsWith("sys/devices/virtual/", StringComparison.Ordinal) && real.StartsWith("sys/devices/", StringComparison.Ordinal))
                || nic.IsPci;
            context.Facts.Nics.Add(nic);
        }
    }

    /// <summary>The kernel name of the NIC's parent device when it is not the PCI function itself (e.g. <c>virtio0</c>).</summary>
    internal static string? ParentDeviceName(BuildContext context, string nic)
    {
        var real = context.Bundle.Resolve($"sys/class/net/{nic}");
        if (real is null) return null;
        var parts = real.Split('/');
        // sys/devices/pci0000:00/0000:00:03.0/virtio0/net/ens3
        return parts.Length >= 3 && parts[^2] == "net" ? parts[^3] : null;
    }
}
