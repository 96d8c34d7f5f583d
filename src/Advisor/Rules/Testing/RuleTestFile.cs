namespace Advisor.Rules.Testing;

/// <summary>
/// <c>rules/tests/ADVnnnn.yaml</c>: bundles that must raise the rule and near misses that must not, each case's
/// expected findings written next to its input files, as Roslyn analyzer tests do.
/// </summary>
public sealed class RuleTestFile
{
    public string Rule { get; set; } = "";

    /// <summary>Name of a file in <c>rules/tests/bases/</c> whose files every case starts from.</summary>
    public string? Base { get; set; }

    public List<RuleTestCase> Cases { get; set; } = [];

    public string SourcePath { get; set; } = "";
}

public sealed class RuleTestCase
{
    public string Name { get; set; } = "";

    /// <summary>Bundle path → content; replaces the base's file of the same path. A null content removes it.</summary>
    public Dictionary<string, string?> Files { get; set; } = [];

    /// <summary>Bundle path → symlink target.</summary>
    public Dictionary<string, string> Links { get; set; } = [];

    /// <summary>The findings of this rule the bundle must raise; empty for a near miss.</summary>
    public List<ExpectedFinding> Expect { get; set; } = [];

    /// <summary>Instances the rule must list as not evaluated.</summary>
    public List<string> NotEvaluated { get; set; } = [];
}

public sealed class ExpectedFinding
{
    /// <summary>The scope instance (device, dm device…); empty for a host rule.</summary>
    public string Instance { get; set; } = "";

    /// <summary>Message arguments that must have these values (others are not checked).</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];

    /// <summary>The primary location, <c>path:line</c>.</summary>
    public string? Location { get; set; }
}

/// <summary>A base host for test cases: files and links.</summary>
public sealed class RuleTestBase
{
    public Dictionary<string, string> Files { get; set; } = [];
    public Dictionary<string, string> Links { get; set; } = [];
}
