namespace Advisor.History;

/// <summary>
/// One fact value under a stable key such as <c>blockDevices[0000:00:1f.0].queue.nomerges</c> (list items keyed by
/// their most stable identity) and a label with the names people use, <c>blockDevices[nvme1n1].queue.nomerges</c>.
/// </summary>
public sealed record FlatFact(string Section, string Key, string Value, string? EvidencePath, string Label);
