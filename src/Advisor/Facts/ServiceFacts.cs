namespace Advisor.Facts;

/// <summary>systemd units (<c>systemctl list-units</c>) and unit files (<c>systemctl list-unit-files</c>).</summary>
public sealed class ServiceFacts
{
    public List<SystemdUnit> Units { get; set; } = [];
    public List<SystemdUnitFile> UnitFiles { get; set; } = [];

    /// <summary>The unit named <paramref name="name"/> (<c>irqbalance</c> or <c>irqbalance.service</c>), or null.</summary>
    public SystemdUnit? Unit(string name) => Units.FirstOrDefault(u => u.Name == name || u.Name == name + ".service");

    /// <summary>True when the unit is listed with ACTIVE <c>active</c>.</summary>
    public bool IsActive(string name) => Unit(name)?.Active == "active";

    /// <summary>True when the unit file state is <c>enabled</c>.</summary>
    public bool IsEnabled(string name) =>
        UnitFiles.FirstOrDefault(u => u.Name == name || u.Name == name + ".service")?.State.Value is "enabled" or "enabled-runtime";

    /// <summary>The unit's active state as a fact: present when listed, missing when not (or when no list was collected).</summary>
    public Fact<string> ActiveState(string name) =>
        Unit(name) is { } unit ? Fact<string>.Of(unit.Active, unit.Source)
        : Fact<string>.Missing(Units.Count == 0 ? "no systemctl list-units output" : $"systemctl list-units does not list {name}");
}
