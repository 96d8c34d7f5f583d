namespace Advisor.Facts;

/// <summary>Where a value came from: a path inside the bundle, the 1-based line, and that line's text.</summary>
public sealed record Evidence(string Path, int Line, string Text)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Text}" : $"{Path}: {Text}";
}
