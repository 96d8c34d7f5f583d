using System.Linq.Dynamic.Core;
using System.Reflection;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Advisor.Rules;

/// <summary>
/// The one System.Linq.Dynamic.Core configuration every rule expression is parsed with: RulesEngine's conditions
/// and Advisor's value expressions alike. Its type provider is closed (<see cref="RuleTypeProvider"/>), and it does
/// not look up enumerations of the <c>System</c> namespace by their bare names (<c>StringComparison.Ordinal</c>):
/// finding them scans every type of the core library on first use (~40 ms), and rules compare with helpers instead.
/// </summary>
internal static class RuleParsing
{
    public static ParsingConfig Config { get; } = new()
    {
        CustomTypeProvider = new RuleTypeProvider(),
        SupportEnumerationsFromSystemNamespace = false,
    };

    /// <summary>
    /// Makes <paramref name="engine"/> parse with <see cref="Config"/>. RulesEngine 6 builds its configuration
    /// itself, with no setting to pass one in, and caches it in its expression parser while the settings' custom
    /// types stay the same array; this puts <see cref="Config"/> in that cache. Returns false, and leaves RulesEngine
    /// to build its own (correct, only slower to start), when a RulesEngine version no longer has those fields.
    /// </summary>
    public static bool UseIn(RulesEngine.RulesEngine engine, ReSettings settings)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        var parser = typeof(RulesEngine.RulesEngine).GetField("_ruleExpressionParser", Private)?.GetValue(engine) as RuleExpressionParser;
        var config = typeof(RuleExpressionParser).GetField("_cachedParsingConfig", Private);
        var configTypes = typeof(RuleExpressionParser).GetField("_cachedParsingConfigCustomTypes", Private);
        if (parser is null || config?.FieldType != typeof(ParsingConfig) || configTypes?.FieldType != typeof(Type[])) return false;
        config.SetValue(parser, new ParsingConfig
        {
            CustomTypeProvider = Config.CustomTypeProvider,
            SupportEnumerationsFromSystemNamespace = Config.SupportEnumerationsFromSystemNamespace,
            IsCaseSensitive = settings.IsExpressionCaseSensitive,
        });
        configTypes.SetValue(parser, settings.CustomTypes);
        return true;
    }
}
