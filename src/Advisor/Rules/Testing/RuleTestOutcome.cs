namespace Advisor.Rules.Testing;

/// <summary>The result of one test case: passed, or the differences between expected and actual findings.</summary>
public sealed record RuleTestOutcome(string Rule, string Case, string SourcePath, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public override string ToString() => Passed ? $"PASS {Rule} {Case}" : $"FAIL {Rule} {Case} ({SourcePath}): {string.Join("; ", Failures)}";
}
