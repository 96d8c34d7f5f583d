namespace Advisor.Storage;

/// <summary>A suppression stored for a case: applied to every analysis and report of that case's bundles.</summary>
public sealed class CaseSuppression
{
    public int Id { get; set; }
    public string CaseId { get; set; } = "";
    public string RuleId { get; set; } = "";

    /// <summary>The instance (device, NIC, dm device…) it covers; empty for every instance.</summary>
    public string Instance { get; set; } = "";

    public string Justification { get; set; } = "";
    public string Who { get; set; } = "";
    public DateTime When { get; set; }
}
