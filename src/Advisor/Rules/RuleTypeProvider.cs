using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Advisor.Rules;

/// <summary>
/// The types a rule's value expressions may name: exactly <see cref="RuleTypes.All"/>. System.Linq.Dynamic.Core's
/// default provider finds such types by scanning every type of every loaded assembly, which costs tens of
/// milliseconds at start-up and can only add types no rule is meant to reach.
/// </summary>
internal sealed class RuleTypeProvider : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> types = [.. RuleTypes.All];
    private readonly Dictionary<Type, List<MethodInfo>> extensionMethods;

    public RuleTypeProvider()
    {
        extensionMethods = types
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute), inherit: false))
            .GroupBy(m => m.GetParameters()[0].ParameterType)
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    public HashSet<Type> GetCustomTypes() => types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => extensionMethods;

    public Type? ResolveType(string typeName) => types.FirstOrDefault(t => t.FullName == typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => types.FirstOrDefault(t => t.Name == simpleTypeName);
}
