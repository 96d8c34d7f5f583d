namespace Advisor.History;

/// <summary>One fact value under a stable key such as <c>blockDevices[nvme1n1].queue.nomerges</c>.</summary>
public sealed record FlatFact(string Section, string Key, string Value, string? EvidencePath);
