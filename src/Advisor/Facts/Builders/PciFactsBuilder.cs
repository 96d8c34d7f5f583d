using Advisor.Parsing;

namespace Advisor.Facts.Builders;

/// <summary>PCI functions from <c>lspci -vv</c>, completed (or replaced) by <c>sys/bus/pci/devices/*</c> link files.</summary>
public static class PciFactsBuilder
{
    private const string SysfsFolder = "sys/bus/pci/devices";

    public static readonly string[] Globs =
    [
        .. LspciParser.SosPaths,
        "sys/devices/**/current_link_speed", "sys/devices/**/current_link_width", "sys/devices/**/max_link_speed", "sys/devices/**/max_link_width",
    ];

    public static void Build(BuildContext context)
    {
        var devices = context.FirstLines(LspciParser.SosPaths) is { } lines ? context.Usable(LspciParser.Parse(lines)) ?? [] : [];
        foreach (var address in context.Folder(SysfsFolder))
        {
            var folder = $"{SysfsFolder}/{address}";
            var device = devices.FirstOrDefault(d => d.Address == address);
            if (device is null)
            {
                device = new PciDevice { Address = address };
                devices.Add(device);
            }

            if (!device.MaxSpeed.IsPresent && context.Lines($"{folder}/max_link_speed") is { } maxSpeed) device.MaxSpeed = SysfsValueParser.ParseLinkSpeed(maxSpeed);
            if (!device.Speed.IsPresent && context.Lines($"{folder}/current_link_speed") is { } speed) device.Speed = SysfsValueParser.ParseLinkSpeed(speed);
            if (!device.MaxWidth.IsPresent && context.Lines($"{folder}/max_link_width") is { } maxWidth) device.MaxWidth = SysfsValueParser.ParseInt(maxWidth);
            if (!device.Width.IsPresent && context.Lines($"{folder}/current_link_width") is { } width) device.Width = SysfsValueParser.ParseInt(width);
            if (!device.NumaNode.IsPresent && context.Lines($"{folder}/numa_node") is { } node) device.NumaNode = SysfsValueParser.ParseInt(node);
        }

        context.Facts.PciDevices = devices;
    }
}
