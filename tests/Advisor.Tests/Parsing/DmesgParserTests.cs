using Advisor.Parsing;
using Advisor.Tests.Support;

namespace Advisor.Tests.Parsing;

public sealed class DmesgParserTests
{
    [Fact]
    public void Milan0_dmesg_without_timestamps_splits_driver_device_and_message()
    {
        var lines = DmesgParser.Parse(RealCaptures.Sample("intel-stats-collect/milan0/dmesg.txt")).Value!;

        Assert.Equal(2072, lines.Count);
        var nvme = lines.Single(l => l.Source.Line == 1923);
        Assert.Null(nvme.Time);
        Assert.Equal("nvme", nvme.Subsystem);
        Assert.Equal("nvme0", nvme.Device);
        Assert.Equal("128/0/0 default/read/poll queues", nvme.Message);
        var pcie = lines.Single(l => l.Source.Line == 938);
        Assert.Equal("pci", pcie.Subsystem);
        Assert.Equal("0000:e1:00.0", pcie.Device);
        Assert.StartsWith("4.000 Gb/s available PCIe bandwidth, limited by 5.0 GT/s PCIe x1 link", pcie.Message);
        Assert.Equal("EDAC MC", lines.Single(l => l.Source.Line == 972).Subsystem);
    }

    [Fact]
    public void Adl0_edac_lines_name_the_memory_controller()
    {
        var lines = DmesgParser.Parse(RealCaptures.Sample("intel-stats-collect/adl0/dmesg.txt")).Value!;

        var edac = lines.Single(l => l.Source.Line == 1006);
        Assert.Equal("EDAC", edac.Subsystem);
        Assert.Equal("MC0", edac.Device);
        var ibecc = lines.Single(l => l.Source.Line == 1008);
        Assert.Equal("EDAC igen6", ibecc.Subsystem);
        Assert.Equal("MC1", ibecc.Device);
        Assert.Equal("HANDLING IBECC MEMORY ERROR", ibecc.Message);
        Assert.Equal("clocksource", lines.Single(l => l.Source.Line == 663).Subsystem);
    }

    [Fact]
    public void Hotsos_dmesg_and_kern_log_carry_timestamps()
    {
        var dmesg = DmesgParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DmesgParser.SosPath)).Value!;
        Assert.Equal(4301.999258, dmesg[0].Time);
        Assert.Equal("audit", dmesg[0].Subsystem);

        var kernLog = DmesgParser.Parse(RealCaptures.FileOf(RealCaptures.Openstack, DmesgParser.KernLogPath)).Value!;
        Assert.Equal(0.0, kernLog[0].Time);
        Assert.StartsWith("Linux version 5.4.0-97-generic", kernLog[0].Text);
    }

    [Fact]
    public void Timestamped_lines_of_the_known_issues()
    {
        var text = "[    1.234567] nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0xffff\r\n"
                   + "[   12.500000] sd 0:0:0:0: [sda] Write cache: disabled, read cache: enabled, doesn't support DPO or FUA\r\n"
                   + "[   13.000001] mce: [Hardware Error]: Machine check events logged\r\n"
                   + "<4>[   14.1] ata1: limiting SATA link speed to 1.5 Gbps\r\n"
                   + "[  500.000000] INFO: task kworker/u8:2:123 blocked for more than 120 seconds.\r\n"
                   + "[  501.0";

        var lines = DmesgParser.Parse(new TextLines(DmesgParser.SosPath, text)).Value!;

        Assert.Equal(1.234567, lines[0].Time);
        Assert.Equal(("nvme", "nvme0"), (lines[0].Subsystem, lines[0].Device));
        Assert.Equal(("sd", "0:0:0:0"), (lines[1].Subsystem, lines[1].Device));
        Assert.StartsWith("[sda] Write cache: disabled", lines[1].Message);
        Assert.Equal("mce", lines[2].Subsystem);
        Assert.Equal("[Hardware Error]: Machine check events logged", lines[2].Message);
        Assert.Equal(("ata1", 14.1), (lines[3].Subsystem, lines[3].Time!.Value));
        Assert.Equal("INFO", lines[4].Subsystem);
        Assert.Equal(6, lines.Count);
        Assert.Equal(5, lines[4].Source.Line);
    }

    [Fact]
    public void Empty_and_error_text_are_unusable()
    {
        Assert.False(DmesgParser.Parse(new TextLines(DmesgParser.SosPath, "")).IsUsable);
        Assert.False(DmesgParser.Parse(new TextLines(DmesgParser.SosPath, "dmesg: read kernel buffer failed: Operation not permitted\n")).IsUsable);
    }

    [Fact]
    public void A_huge_kernel_log_keeps_its_start_and_end_with_a_warning()
    {
        var text = string.Concat(Enumerable.Range(1, 30000).Select(i => $"[{i}.000000] line {i}\n"));
        var bundle = new Advisor.Bundles.BundleContents();
        bundle.AddEntry(new Advisor.Bundles.BundleEntry(DmesgParser.SosPath, Advisor.Bundles.BundleEntryKind.File, text.Length));
        bundle.AddCaptured(new Advisor.Bundles.CapturedFile(DmesgParser.SosPath, text, text.Length, false));

        var facts = Advisor.Facts.HostFactsBuilder.Build(bundle);

        Assert.Equal(20000, facts.KernelLog.Lines.Count);
        Assert.Equal("line 5000", facts.KernelLog.Lines[4999].Text);
        Assert.Equal("line 15001", facts.KernelLog.Lines[5000].Text);
        Assert.Equal(30000, facts.KernelLog.Lines[^1].Source.Line);
        Assert.Contains(facts.ParseWarnings, w => w.Contains("30000 lines", StringComparison.Ordinal));
    }
}
