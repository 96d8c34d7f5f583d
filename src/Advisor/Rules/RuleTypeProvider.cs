using System.Collections;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Advisor.Rules;

/// <summary>
/// The types a rule expression may name: <see cref="RuleTypes.All"/> and what RulesEngine adds for its own
/// expressions (its <c>ExpressionUtils</c>, <see cref="Enumerable"/>, and the base types and interfaces of all of
/// them). System.Linq.Dynamic.Core's default provider, which RulesEngine's builds on, finds more such types by
/// scanning every type of every loaded assembly for an attribute no Advisor type carries: ~80 ms at start-up,
/// for nothing a rule is meant to reach.
/// </summary>
internal sealed class RuleTypeProvider : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> types;
    private readonly Dictionary<Type, List<MethodInfo>> extensionMethods;

    public RuleTypeProvider()
    {
        types = [.. RuleTypes.All, typeof(RulesEngine.HelperFunctions.ExpressionUtils), typeof(Enumerable)];
        var pending = new Queue<Type>(types);
        while (pending.TryDequeue(out var type))
        {
            foreach (var related in type.GetInterfaces().Append(type.BaseType))
            {
                if (related is not null && types.Add(related)) pending.Enqueue(related);
            }
        }

        types.Add(typeof(IEnumerable));
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
