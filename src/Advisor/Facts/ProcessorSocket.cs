namespace Advisor.Facts;

/// <summary>dmidecode "Processor Information" (type 4): one CPU socket.</summary>
public sealed class ProcessorSocket
{
    /// <summary><c>Socket Designation</c>, e.g. <c>CPU1</c>.</summary>
    public string Designation { get; set; } = "";

    /// <summary><c>Version</c>, e.g. <c>Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz</c>.</summary>
    public Fact<string> Version { get; set; } = Fact<string>.Missing("no Version line");
    public Fact<string> Manufacturer { get; set; } = Fact<string>.Missing("no Manufacturer line");
    /// <summary><c>Status</c>, e.g. <c>Populated, Enabled</c> or <c>Unpopulated</c>.</summary>
    public Fact<string> Status { get; set; } = Fact<string>.Missing("no Status line");
    public Fact<int> CoreCount { get; set; } = Fact<int>.Missing("no Core Count line");
    public Fact<int> ThreadCount { get; set; } = Fact<int>.Missing("no Thread Count line");
    public Fact<string> CurrentSpeed { get; set; } = Fact<string>.Missing("no Current Speed line");

    public bool IsPopulated => Status.IsPresent && Status.Value.StartsWith("Populated", StringComparison.Ordinal);

    /// <summary>Populated and enabled (VMware guests list 128 populated sockets, all but the used ones disabled by BIOS).</summary>
    public bool IsEnabled => Status.IsPresent && Status.Value == "Populated, Enabled";
}
