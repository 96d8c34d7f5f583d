namespace Advisor.Reporting;

public enum ReportAudience
{
    /// <summary>What to forward: findings, impact, what to do, the fix. No rule internals.</summary>
    Customer,

    /// <summary>All of that plus every evidence line, rule scopes, suppressed findings, parse warnings and timings.</summary>
    Engineer,
}
