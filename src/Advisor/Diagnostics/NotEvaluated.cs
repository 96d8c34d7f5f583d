namespace Advisor.Diagnostics;

/// <summary>A check that could not run because its inputs were missing or unusable: never a silent pass.</summary>
public sealed class NotEvaluated
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Instance { get; set; } = "";
    /// <summary>Each missing input and why: <c>kernel release: no uname -a output</c>.</summary>
    public List<string> MissingInputs { get; set; } = [];
}
