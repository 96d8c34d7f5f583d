namespace Advisor.Knowledge;

/// <summary>A rule file or kb article is invalid; the message starts with <c>file:line:</c>.</summary>
public sealed class KnowledgeBaseException(string message) : Exception(message);
