namespace Advisor.Reporting.Charts;

/// <summary>
/// What the storage-stack chart draws: block devices as boxes and "is built on" links between them, upper
/// devices above the devices they use. <see cref="StackDevice.Affected"/> marks the device a finding is about.
/// </summary>
public sealed record StorageStackChart(string Title, IReadOnlyList<StackDevice> Devices, IReadOnlyList<StackLink> Links);

/// <summary>One box: <paramref name="Id"/> is unique in the chart, <paramref name="Label"/> the name shown, <paramref name="Detail"/> a second line (target type, size, role).</summary>
public sealed record StackDevice(string Id, string Label, string Detail, bool Affected = false);

/// <summary><paramref name="Upper"/> is built on <paramref name="Lower"/> (both are <see cref="StackDevice.Id"/>s).</summary>
public sealed record StackLink(string Upper, string Lower);
