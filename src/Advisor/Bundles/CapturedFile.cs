namespace Advisor.Bundles;

/// <summary>A member whose content a parser asked for, decoded as UTF-8 (invalid bytes replaced).</summary>
/// <param name="Path">Path inside the bundle, top folder stripped.</param>
/// <param name="Text">The content, at most the capture cap.</param>
/// <param name="Size">The member's full size in the archive.</param>
/// <param name="Truncated">True when the content was cut at the capture cap.</param>
public sealed record CapturedFile(string Path, string Text, long Size, bool Truncated);
