using System.Text.Json.Serialization;

namespace Advisor.Facts;

/// <summary>Untyped view of a fact, for code that checks states and cites evidence.</summary>
public interface IFact
{
    FactState State { get; }
    Evidence? Source { get; }
    string? Reason { get; }
    object? BoxedValue { get; }
}

/// <summary>A value with its state and the bundle line that proves it.</summary>
public sealed class Fact<T> : IFact
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public FactState State { get; init; }

    public T Value { get; init; } = default!;

    public Evidence? Source { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore]
    public bool IsPresent => State == FactState.Present;

    [JsonIgnore]
    object? IFact.BoxedValue => Value;

    public static Fact<T> Of(T value, Evidence source) => new() { Value = value, Source = source };

    public static Fact<T> Missing(string reason) => new() { State = FactState.Missing, Reason = reason };

    public static Fact<T> Unusable(string reason, Evidence? source = null) =>
        new() { State = FactState.Unusable, Reason = reason, Source = source };

    public override string ToString() => State == FactState.Present ? $"{Value}" : $"({State.ToString().ToLowerInvariant()}: {Reason})";
}
