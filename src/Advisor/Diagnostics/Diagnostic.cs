using Advisor.Facts;

namespace Advisor.Diagnostics;

/// <summary>One finding: a rule that fired for the host or for one instance (a device, a dm target…).</summary>
public sealed class Diagnostic
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public Severity Severity { get; set; }
    public string Message { get; set; } = "";

    /// <summary>The rule's scope (<c>host</c>, <c>blockDevice</c>…) and the instance it fired for (<c>nvme1n1</c>).</summary>
    public string Scope { get; set; } = "host";
    public string Instance { get; set; } = "";

    /// <summary>The named message arguments, also used to fill the workaround's placeholders.</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];

    /// <summary>The bundle lines the finding rests on; the first is its primary location.</summary>
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Set when a suppression matched; the finding is kept and shown as suppressed.</summary>
    public string? SuppressionJustification { get; set; }

    public bool IsSuppressed => SuppressionJustification is not null;
}
