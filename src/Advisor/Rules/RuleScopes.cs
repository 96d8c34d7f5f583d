using Advisor.Facts;

namespace Advisor.Rules;

/// <summary>The kinds of instance a rule can run once per, with the parameter name its expressions use.</summary>
public static class RuleScopes
{
    public sealed record Scope(string Name, string ParameterName, Type InstanceType, Func<HostFacts, IEnumerable<(object Instance, string Label)>> Instances);

    public static readonly IReadOnlyDictionary<string, Scope> All = new Dictionary<string, Scope>(StringComparer.Ordinal)
    {
        ["host"] = new("host", "host", typeof(HostFacts), h => [(h, h.Hostname.IsPresent ? h.Hostname.Value : "host")]),
        ["blockDevice"] = new("blockDevice", "device", typeof(BlockDevice), h => h.BlockDevices.Select(d => ((object)d, d.Name))),
        ["dmTarget"] = new("dmTarget", "target", typeof(DeviceMapperTarget), h => h.DeviceMapperTargets.Select(t => ((object)t, t.Device))),
    };
}
