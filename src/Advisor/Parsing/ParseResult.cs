using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>Either the parsed records or why the input could not be used (never an exception).</summary>
public sealed class ParseResult<T>
{
    private ParseResult(T? value, string? unusableReason, Evidence? evidence)
    {
        Value = value;
        UnusableReason = unusableReason;
        Evidence = evidence;
    }

    public T? Value { get; }
    public string? UnusableReason { get; }
    public Evidence? Evidence { get; }
    public bool IsUsable => UnusableReason is null;

    public static ParseResult<T> Ok(T value) => new(value, null, null);
    public static ParseResult<T> Unusable(string reason, Evidence? evidence = null) => new(default, reason, evidence);
}
