namespace Advisor.Facts;

/// <summary>Missing is not healthy: every fact says whether it was collected and usable.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FactStateJson))]
public enum FactState
{
    /// <summary>Read from the bundle and usable.</summary>
    Present = 0,

    /// <summary>The bundle holds no input for it.</summary>
    Missing = 1,

    /// <summary>The input is there but empty, truncated, an error message or unparseable.</summary>
    Unusable = 2,
}
