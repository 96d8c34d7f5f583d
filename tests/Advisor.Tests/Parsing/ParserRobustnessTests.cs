using Advisor.Parsing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Advisor.Tests.Parsing;

/// <summary>Parsers never throw: any text, including control characters, CRLF and half lines, gives a result.</summary>
public sealed class ParserRobustnessTests
{
    private static readonly Func<TextLines, object?>[] Parsers =
    [
        l => UnameParser.Parse(l), l => ProcVersionParser.Parse(l), l => KernelCommandLineParser.Parse(l),
        l => OsReleaseParser.ParseOsRelease(l), l => OsReleaseParser.ParseLsbRelease(l),
        l => DpkgListParser.Parse(l), l => RpmListParser.Parse(l),
        l => LscpuParser.Parse(l), l => CpuinfoParser.Parse(l), l => NumactlHardwareParser.Parse(l), l => DmidecodeParser.Parse(l),
        l => LsblkParser.Parse(l), l => LsblkPairsParser.Parse(l), l => DmsetupTableParser.Parse(l), l => DmsetupInfoParser.Parse(l),
        l => LvsParser.Parse(l), l => IostatParser.Parse(l), l => EthtoolInfoParser.Parse(l), l => IpLinkParser.Parse(l),
        l => ProcInterruptsParser.Parse(l), l => DmesgParser.Parse(l), l => SysctlParser.Parse(l), l => VmstatParser.Parse(l),
        l => LspciParser.Parse(l), l => SystemctlUnitsParser.Parse(l), l => SystemctlUnitFilesParser.Parse(l),
        l => SystemdVirtualizationParser.ParseContainer(l), l => MeminfoParser.Parse(l), l => FreeParser.Parse(l),
        l => SosManifestParser.Parse(l),
        l => SysfsValueParser.ParseInt(l), l => SysfsValueParser.ParseLong(l), l => SysfsValueParser.ParseWord(l),
        l => SysfsValueParser.ParseWords(l), l => SysfsValueParser.ParseBracketedChoice(l), l => SysfsValueParser.ParseLinkSpeed(l),
    ];

    /// <summary>Text built from the pieces real inputs are made of, so the generator reaches deep into each parser.</summary>
    private static Arbitrary<string> BundleLikeText()
    {
        var pieces = Gen.Elements(
            " ", "\t", "\n", "\r\n", "\r", ":", "=", "\"", "[", "]", "(", ")", ",", "-", ".", "/", "@", "|", "`-", "├─", "~", "^",
            "0", "7", "12.5", "-1", "99999999999999999999", "0x1f", "Device", "r/s", "rareq-sz", "avgrq-sz", "%util", "CPU0", "CPU1",
            "NAME", "MAJ:MIN", "TYPE", "LV", "VG", "Attr", "Name", "Maj", "Min", "UUID", "Handle 0x0001, DMI type 4, 42 bytes", "\tVersion: x",
            "processor", "flags", "node 0 cpus:", "node distances:", "Linux", "Linux version ", "LnkCap:", "LnkSta:", "Speed 8GT/s", "Width x16",
            "00:1f.2 SATA controller: x", "ii", "driver:", "bus-info:", "nvme0q3", "mlx5_comp2@pci:0000:3b:00.0", "IR-PCI-MSI", "1-edge",
            "[    1.5]", "nvme nvme0:", "kernel: ", "NUMA node0 CPU(s):", "Socket(s):", "loaded active running", ".service", "enabled",
            "KEY=\"v\"", "PRETTY_NAME=", "\u0000", "\u00e9", "\uFFFD", "No devices found", "Permission denied", "[cfq]");
        return Gen.ArrayOf(pieces).Select(parts => string.Concat(parts)).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property No_parser_throws_on_bundle_like_text() =>
        Prop.ForAll(BundleLikeText(), text => Parsers.All(parse => parse(new TextLines("input", text)) is not null));

    [Property(MaxTest = 300)]
    public Property No_parser_throws_on_arbitrary_strings(string? text) =>
        Parsers.All(parse => parse(new TextLines("input", text ?? "")) is not null).ToProperty();
}
