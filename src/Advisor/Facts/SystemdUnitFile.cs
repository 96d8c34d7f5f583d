namespace Advisor.Facts;

/// <summary>One row of <c>systemctl list-unit-files</c>: UNIT FILE, STATE.</summary>
public sealed class SystemdUnitFile
{
    public string Name { get; set; } = "";
    public Fact<string> State { get; set; } = Fact<string>.Missing("not listed");
}
