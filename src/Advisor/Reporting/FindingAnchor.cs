using Advisor.Diagnostics;

namespace Advisor.Reporting;

/// <summary>The HTML anchor of a finding in a report (<c>adv0001-nvme1n1</c>): letters and digits only, so bundle text cannot break out of it.</summary>
public static class FindingAnchor
{
    public static string For(Diagnostic finding)
    {
        var instance = new string(finding.Instance.Where(char.IsAsciiLetterOrDigit).ToArray());
        var id = new string(finding.Id.Where(char.IsAsciiLetterOrDigit).ToArray());
        return (id + (instance.Length > 0 ? "-" + instance : "")).ToLowerInvariant();
    }
}
