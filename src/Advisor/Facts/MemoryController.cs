namespace Advisor.Facts;

/// <summary>An EDAC memory controller, <c>sys/devices/system/edac/mc/mcN</c>.</summary>
public sealed class MemoryController
{
    public string Name { get; set; } = "";
    public Fact<long> CorrectedErrors { get; set; } = Fact<long>.Missing("no ce_count file");
    public Fact<long> UncorrectedErrors { get; set; } = Fact<long>.Missing("no ue_count file");
}
