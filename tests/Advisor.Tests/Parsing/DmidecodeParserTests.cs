using Advisor.Facts;
using Advisor.Facts.Builders;
using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class DmidecodeParserTests
{
    [Theory]
    [InlineData("linuxhw-dmidecode/Cisco_Systems_UCSC-C240_UCSC-C240-M4L_3D69F97FC8FB", "Cisco Systems Inc", "UCSC-C240-M4L", "Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", 2, "none")]
    [InlineData("linuxhw-dmidecode/Dell_PowerEdge_PowerEdge_R730xd_9E9D528A6947", "Dell Inc.", "PowerEdge R730xd", "Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", 2, "none")]
    [InlineData("linuxhw-dmidecode/Hewlett-Packard_ProLiant_ProLiant_DL360_Gen9_062C3461F315", "HP", "ProLiant DL360 Gen9", "Intel(R) Xeon(R) CPU E5-2660 v3 @ 2.60GHz", 2, "none")]
    [InlineData("linuxhw-dmidecode/Huawei_RH2288_RH2288_V3_EC438425FBC0", "Huawei", "RH2288 V3", "Intel(R) Xeon(R) CPU E5-2650 v3 @ 2.30GHz", 2, "none")]
    [InlineData("intel-stats-collect/milan0/dmidecode.txt", "Dell Inc.", "PowerEdge R7525", "AMD EPYC 7543 32-Core Processor", 2, "none")]
    [InlineData("intel-stats-collect/adl0/dmidecode.txt", "GIGABYTE", "GB-BEI7(HS)-1260", "12th Gen Intel(R) Core(TM) i7-1260P", 1, "none")]
    [InlineData("jc/centos-7.7/dmidecode.out", "VMware, Inc.", "VMware Virtual Platform", "Intel(R) Core(TM) i5-8279U CPU @ 2.40GHz", 1, "vmware")] // 128 sockets "Populated", one enabled
    [InlineData("jc/ubuntu-18.04/dmidecode.out", "VMware, Inc.", "VMware Virtual Platform", "Intel(R) Core(TM) i5-8279U CPU @ 2.40GHz", 1, "vmware")] // 128 sockets "Populated", one enabled
    public void System_identity_populated_sockets_and_virtualization(string sample, string vendor, string product, string processor, int populated, string virtualization)
    {
        var records = DmidecodeParser.Parse(RealCaptures.Sample(sample)).Value!;
        var platform = new PlatformFacts();
        (platform.Vendor, platform.Product) = VirtualizationClassifier.SystemIdentity(records);
        PlatformFactsBuilder.AddDmi(platform, records);

        Assert.Equal(vendor, platform.Vendor.Value);
        Assert.Equal(product, platform.Product.Value);
        Assert.Equal(processor, platform.Processors.First(p => p.IsPopulated).Version.Value);
        Assert.Equal(populated, platform.EnabledSockets);
        Assert.Equal(virtualization, VirtualizationClassifier.Classify(platform.Vendor, platform.Product, Fact<string>.Missing("-"), Fact<string>.Missing("-")).Value);
    }

    [Fact]
    public void Dell_R730xd_bios_memory_and_sockets()
    {
        var records = DmidecodeParser.Parse(RealCaptures.Sample("linuxhw-dmidecode/Dell_PowerEdge_PowerEdge_R730xd_9E9D528A6947")).Value!;
        var platform = new PlatformFacts();
        PlatformFactsBuilder.AddDmi(platform, records);

        Assert.Equal("2.16.0", platform.BiosVersion.Value);
        Assert.Equal(["CPU1", "CPU2"], platform.Processors.Select(p => p.Designation));
        Assert.Equal(24, platform.MemoryDevices.Count);
        Assert.Equal(4, platform.MemoryDevices.Count(m => m.IsPopulated));
        Assert.Equal(2 * 16384 + 2 * 8192, platform.MemoryDevices.Sum(m => m.SizeMiB));
    }

    [Fact]
    public void Vmware_guest_lists_128_sockets_of_which_one_is_enabled()
    {
        var records = DmidecodeParser.Parse(RealCaptures.Sample("jc/centos-7.7/dmidecode.out")).Value!;
        var platform = new PlatformFacts();
        PlatformFactsBuilder.AddDmi(platform, records);

        Assert.Equal(128, platform.Processors.Count);
        Assert.Equal("Populated, Disabled By BIOS", platform.Processors[1].Status.Value);
        Assert.Equal(4096, platform.MemoryDevices.Sum(m => m.SizeMiB));
    }

    [Fact]
    public void Milan0_core_count()
    {
        var records = DmidecodeParser.Parse(RealCaptures.Sample("intel-stats-collect/milan0/dmidecode.txt")).Value!;
        var platform = new PlatformFacts();
        PlatformFactsBuilder.AddDmi(platform, records);

        Assert.All(platform.Processors, p => Assert.Equal(32, p.CoreCount.Value));
    }

    [Fact]
    public void No_smbios_message_and_empty_file_are_unusable()
    {
        var failure = DmidecodeParser.Parse(RealCaptures.Sample("insights-core/dmidecode/1.txt"));
        Assert.False(failure.IsUsable);
        Assert.Contains("No SMBIOS nor DMI entry point found", failure.UnusableReason);
        Assert.False(DmidecodeParser.Parse(new TextLines(DmidecodeParser.SosPath, "")).IsUsable);
    }

    [Fact]
    public void Hotsos_guest_is_qemu()
    {
        var records = DmidecodeParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DmidecodeParser.SosPath)).Value!;

        Assert.Equal("QEMU", VirtualizationClassifier.SystemIdentity(records).Vendor.Value);
    }
}
