using System.Text.Json;
using Advisor.Facts;
using Advisor.Rules;
using Advisor.Tests.Support;

namespace Advisor.Tests.Rules;

/// <summary>
/// The instance scopes and fact methods rule writers code against, compiled and run by RulesEngine exactly as
/// shipped rules are (test rules and articles in a temp folder; the shipped knowledge base is not touched).
/// </summary>
public sealed class RuleScopesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_scope_has_a_distinct_parameter_and_enumerates_its_instances()
    {
        Assert.Equal(RuleScopes.All.Count, RuleScopes.All.Values.Select(s => s.ParameterName).Distinct().Count());
        var facts = Host();
        Assert.Equal(["ens1f0"], RuleScopes.All["nic"].Instances(facts).Select(i => i.Label));
        Assert.Equal(["IRQ 120 (mlx5_comp0)", "IRQ 130 (nvme0q1)"], RuleScopes.All["irq"].Instances(facts).Select(i => i.Label));
        Assert.Equal(["node0", "node1"], RuleScopes.All["numaNode"].Instances(facts).Select(i => i.Label));
        Assert.Equal(["sos_commands/kernel/dmesg:7"], RuleScopes.All["dmesgLine"].Instances(facts).Select(i => i.Label));
    }

    [Fact]
    public void Rules_in_the_new_scopes_compile_and_find_their_instances()
    {
        var ruleSet = Load(
            Rule("ADV9101", "nic", "nic.IsPhysical", "nic.NumaNode.Value >= 0 && nic.Interrupts.OffNodeShare(nic.NumaNode.Value) > 0.5 && nic.Driver.Value == \"mlx5_core\"", ["nic.Driver", "nic.NumaNode", "nic.Interrupts.Lines"], ["nic.NumaNode"]),
            Rule("ADV9102", "irq", "irq.IsDevice", "irq.IsManaged && irq.Device.StartsWith(\"nvme\")", ["irq.Line"], []),
            Rule("ADV9103", "dmesgLine", null, "line.Subsystem == \"nvme\" && line.Contains(\"controller is down\")", ["line.Line"], []),
            Rule("ADV9104", "host", null, "host.Kernel.HasParameter(\"quiet\") && host.Settings.SysctlValue(\"vm.zone_reclaim_mode\") == \"1\" && Helpers.CpusWithin(\"4-5\", host.Numa.Node(1).Cpus.Value) && host.Cpu.HasFlag(\"constant_tsc\")", ["host.Kernel.CommandLine", "host.Settings.Sysctl(\"vm.zone_reclaim_mode\")"], ["host.Settings.Sysctl(\"vm.zone_reclaim_mode\")"]),
            Rule("ADV9105", "numaNode", null, "node.InterruptCount > 1000", ["node.Cpus"], []),
            Rule("ADV9106", "pciDevice", null, "pci.IsLinkDegraded && !pci.IsDisplay", ["pci.Width"], []),
            Rule("ADV9107", "iostat", null, "stat.AverageRequestKiB < 8 && stat.Utilization > 90", ["stat.Line"], []),
            Rule("ADV9108", "dmDevice", null, "dm.IsCrypt && dm.IsOnNvme && !dm.HasArgument(\"no_read_workqueue\")", ["dm.TableLine"], []),
            Rule("ADV9109", "cpuSocket", null, "socket.IsPopulated && socket.Version.Value.Contains(\"E5-2680 v3\")", ["socket.Version"], []),
            Rule("ADV9110", "logicalVolume", null, "lv.IsSnapshot", ["lv.Line"], []),
            Rule("ADV9111", "host", null, "host.Services.IsActive(\"irqbalance\") && host.KernelLog.Contains(\"controller is down\") && Helpers.CompareDebian(host.Packages.VersionOf(\"irqbalance\"), \"1.7\") < 0", ["host.Kernel.Release"], []),
            Rule("ADV9112", "host", null, "true", ["host.Kernel.Release"], ["host.Settings.Sysctl(\"kernel.split_lock_mitigate\")"]),
            Rule("ADV9113", "host", null, "host.Cpu.Flags.Value.Contains(\"constant_tsc\") && host.Numa.Nodes.Any(n => n.CpuIds.Contains(4)) && host.Irqs.Count(i => i.IsManaged) == 1 && host.Nics.Any(n => n.Interrupts.Irqs.Contains(\"120\"))", ["host.Kernel.Release"], []));

        var result = new RuleEvaluator(ruleSet).Evaluate(Host());

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "ADV9999");
        Assert.Equal(
            ["ADV9101 ens1f0", "ADV9102 IRQ 130 (nvme0q1)", "ADV9103 sos_commands/kernel/dmesg:7", "ADV9104 ", "ADV9105 node0", "ADV9106 0000:3b:00.0",
             "ADV9107 nvme0n1 (report 2)", "ADV9108 fast", "ADV9109 CPU1", "ADV9110 data/snap", "ADV9111 ", "ADV9113 "],
            result.Diagnostics.Select(d => $"{d.Id} {d.Instance}").Order(StringComparer.Ordinal));
        var nic = result.Diagnostics.Single(d => d.Id == "ADV9101");
        Assert.Contains(nic.Evidence, e => e.Path == "sys/class/net/ens1f0/device/numa_node");
        Assert.Contains(nic.Evidence, e => e.Path == "proc/interrupts" && e.Line == 3);
        var host = result.Diagnostics.Single(d => d.Id == "ADV9104");
        Assert.Contains(host.Evidence, e => e.Path == "sos_commands/kernel/sysctl_-a" && e.Line == 3392);
        Assert.DoesNotContain(result.NotEvaluated, n => n.Id == "ADV9104");
        Assert.Contains(result.NotEvaluated, n => n.Id == "ADV9112"); // a sysctl the bundle lacks is missing, not healthy
    }

    /// <summary>Real fact objects (not mocks) of a two-node host, as the builders would make them.</summary>
    private static HostFacts Host()
    {
        static Evidence At(string path, int line = 1, string text = "") => new(path, line, text);
        var facts = new HostFacts();
        facts.Kernel.CommandLine = Fact<string>.Of("ro quiet", At("proc/cmdline"));
        facts.Kernel.Parameters = [new KernelParameter { Name = "ro", Value = Fact<string>.Of("", At("proc/cmdline")) }, new KernelParameter { Name = "quiet", Value = Fact<string>.Of("", At("proc/cmdline")) }];
        facts.Kernel.Release = Fact<string>.Of("5.4.0-66-generic", At("sos_commands/kernel/uname_-a"));
        facts.Settings.Sysctls["vm.zone_reclaim_mode"] = Fact<string>.Of("1", At("sos_commands/kernel/sysctl_-a", 3392));
        facts.Cpu.Flags = Fact<List<string>>.Of(["fpu", "constant_tsc"], At("proc/cpuinfo", 19));
        facts.Numa.Nodes =
        [
            new NumaNode { Id = 0, Cpus = Fact<string>.Of("0-3", At("sys/devices/system/node/node0/cpulist")), CpuIds = [0, 1, 2, 3], InterruptCount = 4000 },
            new NumaNode { Id = 1, Cpus = Fact<string>.Of("4-7", At("sys/devices/system/node/node1/cpulist")), CpuIds = [4, 5, 6, 7], InterruptCount = 300 },
        ];
        facts.Nics.Add(new Nic
        {
            Name = "ens1f0",
            IsPhysical = true,
            Driver = Fact<string>.Of("mlx5_core", At("sos_commands/networking/ethtool_-i_ens1f0")),
            NumaNode = Fact<int>.Of(1, At("sys/class/net/ens1f0/device/numa_node")),
            Interrupts = new IrqSummary { Irqs = ["120"], Lines = [Fact<string>.Of("120: 4000 …", At("proc/interrupts", 3, "120: 4000 …"))], TotalCount = 4000, ByNode = [new NodeInterrupts { Node = 0, Count = 4000, IrqsAffinedHere = 1 }, new NodeInterrupts { Node = 1 }] },
        });
        facts.Irqs.Add(new Irq { Number = "120", IsDevice = true, Device = "mlx5_comp0", Total = 4000, Source = At("proc/interrupts", 3, "120: 4000 …") });
        facts.Irqs.Add(new Irq { Number = "130", IsDevice = true, Device = "nvme0q1", IsManaged = true, Total = 300, Source = At("proc/interrupts", 4, "130: 300 …") });
        facts.KernelLog.Lines.Add(new DmesgLine { Subsystem = "nvme", Device = "nvme0", Text = "nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0xffff", Source = At("sos_commands/kernel/dmesg", 7) });
        facts.PciDevices.Add(new PciDevice { Address = "0000:3b:00.0", Class = "Ethernet controller", MaxSpeed = Fact<double>.Of(8, At("lspci", 10)), MaxWidth = Fact<int>.Of(16, At("lspci", 10)), Speed = Fact<double>.Of(8, At("lspci", 11)), Width = Fact<int>.Of(8, At("lspci", 11)) });
        facts.Iostat.Records.Add(new IostatRecord { Device = "nvme0n1", Report = 2, AverageRequestKiB = 4, Utilization = 100, Source = At("sos_commands/block/iostat_-x", 12) });
        facts.DeviceMapper.Devices.Add(new DeviceMapperDevice
        {
            Name = "fast",
            Targets = [new DeviceMapperTarget { Device = "fast", Type = "crypt", Arguments = "aes-xts-plain64 :64:logon:k 0 259:1 32768", Source = At("sos_commands/devicemapper/dmsetup_table") }],
            PhysicalDevices = ["nvme0n1"],
        });
        facts.Platform.Processors.Add(new ProcessorSocket { Designation = "CPU1", Status = Fact<string>.Of("Populated, Enabled", At("dmidecode", 40)), Version = Fact<string>.Of("Intel(R) Xeon(R) CPU E5-2680 v3 @ 2.50GHz", At("dmidecode", 38)) });
        facts.DeviceMapper.LogicalVolumes.Add(new LogicalVolume { Name = "snap", VolumeGroup = "data", Attributes = "swi-a-s---", Origin = "vol", Source = At("lvs", 2) });
        facts.Services.Units.Add(new SystemdUnit { Name = "irqbalance.service", Load = "loaded", Active = "active", Sub = "running", Source = At("systemctl_list-units", 154) });
        facts.Packages.Installed.Add(new InstalledPackage { Name = "irqbalance", Version = Fact<string>.Of("1.6.0-3ubuntu1", At("dpkg_-l", 180)), State = "ii" });
        return facts;
    }

    private static object Rule(string id, string scope, string? appliesTo, string condition, string[] evidence, string[] requires) => new Dictionary<string, object?>
    {
        ["id"] = id,
        ["title"] = $"Scope test {id}",
        ["category"] = "Kernel",
        ["defaultSeverity"] = "info",
        ["messageFormat"] = "scope test",
        ["scope"] = scope,
        ["appliesTo"] = appliesTo,
        ["requires"] = requires,
        ["condition"] = condition,
        ["evidence"] = evidence,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    private RuleSet Load(params object[] rules)
    {
        var rulesFolder = Directory.CreateDirectory(temp.Combine("rules")).FullName;
        var kbFolder = Directory.CreateDirectory(temp.Combine("kb")).FullName;
        var template = File.ReadAllText(TestPaths.InRepository("kb/ADV0003.md"));
        foreach (Dictionary<string, object?> rule in rules)
        {
            var id = (string)rule["id"]!;
            File.WriteAllText(Path.Combine(rulesFolder, $"{id}.json"), JsonSerializer.Serialize(rule));
            File.WriteAllText(Path.Combine(kbFolder, $"{id}.md"), template.Replace("ADV0003", id, StringComparison.Ordinal));
        }

        return RuleSet.Load(rulesFolder, kbFolder, TestPaths.InRepository("rules.schema.json"));
    }
}
