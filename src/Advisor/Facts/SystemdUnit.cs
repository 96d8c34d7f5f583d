namespace Advisor.Facts;

/// <summary>One row of <c>systemctl list-units</c>: UNIT LOAD ACTIVE SUB DESCRIPTION.</summary>
public sealed class SystemdUnit
{
    public string Name { get; set; } = "";
    public string Load { get; set; } = "";
    public string Active { get; set; } = "";
    public string Sub { get; set; } = "";
    public string Description { get; set; } = "";
    public Evidence Source { get; set; } = new("", 0, "");
}
