using System.Linq.Dynamic.Core;
using System.Linq.Expressions;

namespace Advisor.Rules;

/// <summary>
/// A rule's value expression (a required fact, a message argument, an evidence fact) compiled once with
/// System.Linq.Dynamic.Core, the expression language RulesEngine uses: <c>device.Queue.Nomerges</c>,
/// <c>host.KernelLog.FirstLineWith("CMCI storm")</c>, <c>host.Settings.Sysctl("vm.zone_reclaim_mode")</c>.
/// </summary>
public sealed class ValueExpression
{
    private readonly Lazy<Delegate> compiled;

    private ValueExpression(string text, Func<LambdaExpression> parse)
    {
        Text = text;
        // turned into a delegate only when first evaluated, and interpreted rather than compiled to IL: most of
        // these run a handful of times per bundle, if at all
        compiled = new Lazy<Delegate>(() => parse().Compile(preferInterpretation: true));
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/> over the scope's parameters now; throws <see cref="ParseException"/> with the reason.</summary>
    public static ValueExpression Compile(string text, IReadOnlyList<(string Name, Type Type)> parameters)
    {
        var lambda = Parse(text, parameters);
        return new ValueExpression(text, () => lambda);
    }

    /// <summary>
    /// Parses <paramref name="text"/> when it is first evaluated: an ingest evaluates few of a rule set's
    /// expressions. An expression that does not parse throws then, and its rule is reported as failed (ADV9999).
    /// </summary>
    public static ValueExpression CompileOnFirstUse(string text, IReadOnlyList<(string Name, Type Type)> parameters) =>
        new(text, () => Parse(text, parameters));

    private static LambdaExpression Parse(string text, IReadOnlyList<(string Name, Type Type)> parameters)
    {
        var parameterExpressions = parameters.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
        return DynamicExpressionParser.ParseLambda(RuleParsing.Config, parameterExpressions, typeof(object), text);
    }

    /// <summary>Evaluates with the arguments in the order of the compiled parameters.</summary>
    public object? Evaluate(object?[] arguments) => compiled.Value.DynamicInvoke(arguments);
}
