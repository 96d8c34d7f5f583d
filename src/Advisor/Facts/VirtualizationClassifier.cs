using Advisor.Parsing;

namespace Advisor.Facts;

/// <summary>
/// Tells bare metal from a VM or a container. Bare metal is claimed only on positive evidence: a DMI system
/// vendor that is not a hypervisor's, and no hypervisor named by lscpu.
/// </summary>
public static class VirtualizationClassifier
{
    private static readonly (string Marker, string Kind)[] VirtualSystems =
    [
        ("QEMU", "kvm"), ("KVM", "kvm"), ("Standard PC (i440FX", "kvm"), ("Standard PC (Q35", "kvm"), ("OpenStack", "kvm"),
        ("VMware", "vmware"), ("VirtualBox", "virtualbox"), ("innotek", "virtualbox"), ("Xen", "xen"), ("HVM domU", "xen"),
        ("Virtual Machine", "hyperv"), ("Google Compute Engine", "kvm"), ("BHYVE", "bhyve"), ("Parallels", "parallels"),
        ("Amazon EC2", "amazon"),
    ];

    public static Fact<string> Classify(Fact<string> dmiVendor, Fact<string> dmiProduct, Fact<string> hypervisorVendor, Fact<string> container)
    {
        if (container.IsPresent)
        {
            return container;
        }

        if (hypervisorVendor.IsPresent)
        {
            return Fact<string>.Of(hypervisorVendor.Value.ToLowerInvariant(), hypervisorVendor.Source!);
        }

        foreach (var fact in new[] { dmiProduct, dmiVendor })
        {
            if (!fact.IsPresent) continue;
            foreach (var (marker, kind) in VirtualSystems)
            {
                if (fact.Value.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    // EC2 bare-metal instances are named "*.metal"
                    if (kind == "amazon" && dmiProduct.IsPresent && dmiProduct.Value.Contains(".metal", StringComparison.Ordinal))
                    {
                        return Fact<string>.Of("none", dmiProduct.Source!);
                    }

                    return Fact<string>.Of(kind, fact.Source!);
                }
            }
        }

        if (dmiVendor.IsPresent && !IsPlaceholder(dmiVendor.Value))
        {
            return Fact<string>.Of("none", dmiVendor.Source!);
        }

        return Fact<string>.Missing("neither dmidecode nor lscpu tells bare metal from a VM");
    }

    private static bool IsPlaceholder(string value) =>
        value.Length == 0 || value.Contains("To Be Filled", StringComparison.OrdinalIgnoreCase)
        || value.Equals("Not Specified", StringComparison.OrdinalIgnoreCase) || value.Equals("System manufacturer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The system vendor and product from dmidecode's type 1 record.</summary>
    public static (Fact<string> Vendor, Fact<string> Product) SystemIdentity(List<DmidecodeParser.Record> records)
    {
        var system = records.FirstOrDefault(r => r.Type == 1);
        if (system is null)
        {
            return (Fact<string>.Missing("dmidecode has no System Information record"), Fact<string>.Missing("dmidecode has no System Information record"));
        }

        return (system.Values.GetValueOrDefault("Manufacturer") ?? Fact<string>.Missing("no Manufacturer line"),
                system.Values.GetValueOrDefault("Product Name") ?? Fact<string>.Missing("no Product Name line"));
    }
}
