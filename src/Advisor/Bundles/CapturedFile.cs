namespace Advisor.Bundles;

/// <summary>A member whose content a parser asked for, decoded as UTF-8 (invalid bytes replaced).</summary>
/// <param name="Path">Path inside the bundle, top folder stripped.</param>
/// <param name="Text">The content, at most the capture cap.</param>
/// <param name="Size">The member's full size in the archive.</param>
/// <param name="Truncated">True when the content was cut at the capture cap.</param>
/// <param name="Gap">For a log kept by its start and its end: the lines between them that were not captured.</param>
public sealed record CapturedFile(string Path, string Text, long Size, bool Truncated, LineGap? Gap = null);

/// <summary>
/// The run of lines a capture left out between a log's start and its end: <see cref="CapturedFile.Text"/> holds lines
/// 1 to <paramref name="AfterLine"/>, then the lines from <paramref name="AfterLine"/> + <paramref name="SkippedLines"/> + 1
/// on, starting at character <paramref name="TextOffset"/>.
/// </summary>
public sealed record LineGap(int AfterLine, long SkippedLines, long SkippedBytes, int TextOffset);
