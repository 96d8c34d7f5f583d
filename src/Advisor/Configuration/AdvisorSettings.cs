using Advisor.Bundles;

namespace Advisor.Configuration;

/// <summary>
/// Everything configurable, bound from defaults &lt; <c>advisor.json</c> &lt; <c>ADVISOR_</c> environment
/// variables &lt; command-line options (Microsoft.Extensions.Configuration).
/// </summary>
public sealed class AdvisorSettings
{
    public DatabaseSettings Database { get; set; } = new();

    /// <summary>Per-id (<c>ADV0003</c>) or per-category (<c>Storage</c>) severity: none, info, warning, error.</summary>
    public Dictionary<string, string> Severity { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Suppression> Suppressions { get; set; } = [];

    public BundleLimits Limits { get; set; } = new();

    public ReportSettings Reports { get; set; } = new();
}

public sealed class DatabaseSettings
{
    /// <summary>The LiteDB file; empty means <c>$XDG_DATA_HOME/advisor/advisor.db</c>.</summary>
    public string? Path { get; set; }

    public string ResolvePath()
    {
        if (!string.IsNullOrWhiteSpace(Path)) return Path;
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return System.IO.Path.Combine(dataHome, "advisor", "advisor.db");
    }
}

/// <summary>Silences one finding (optionally for one instance, such as a device) with a reason a reviewer can read.</summary>
public sealed class Suppression
{
    public string Id { get; set; } = "";
    /// <summary>The instance (device, dm device…) it applies to; empty for all.</summary>
    public string? Instance { get; set; }
    public string Justification { get; set; } = "";
}
