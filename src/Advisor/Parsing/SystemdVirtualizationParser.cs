using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>
/// <c>systemctl show --all</c> carries systemd's own detection as <c>Virtualization=kvm</c> (or <c>lxc</c>, <c>docker</c>…);
/// the line is absent on bare metal.
/// </summary>
public static class SystemdVirtualizationParser
{
    public const string SosPath = "sos_commands/systemd/systemctl_show_--all";

    private static readonly HashSet<string> ContainerKinds = new(StringComparer.Ordinal)
    {
        "lxc", "lxc-libvirt", "docker", "podman", "openvz", "systemd-nspawn", "rkt", "wsl", "proot", "container-other",
    };

    /// <summary>The container kind if systemd saw one; VMs are left to the DMI/lscpu evidence.</summary>
    public static Fact<string> ParseContainer(TextLines lines)
    {
        foreach (var (number, text) in lines.Numbered())
        {
            if (text.StartsWith("Virtualization=", StringComparison.Ordinal))
            {
                var kind = text["Virtualization=".Length..].Trim();
                return ContainerKinds.Contains(kind)
                    ? Fact<string>.Of(kind, lines.EvidenceAt(number))
                    : Fact<string>.Missing($"systemd reports {kind}, not a container");
            }
        }

        return Fact<string>.Missing("systemd reports no container");
    }
}
