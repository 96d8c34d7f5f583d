using System.Globalization;
using System.Text.RegularExpressions;
using Advisor.Facts;

namespace Advisor.Reporting.Charts;

/// <summary>
/// Builds the <see cref="StorageStackChart"/> of a device-mapper device from <c>dmsetup table</c> facts: the
/// device, its target types and size, and the lower devices its table names by <c>major:minor</c>.
/// </summary>
public static partial class StorageStackBuilder
{
    private const long SectorBytes = 512;

    /// <summary>
    /// The stack under <paramref name="dmName"/>, or null when no dm table line names it. A lower device is shown
    /// by name, and expanded further, when <paramref name="namesByDeviceNumber"/> maps its <c>major:minor</c>
    /// to a dm device (that map needs dm stacking facts; without it the lower devices show as numbers).
    /// </summary>
    public static StorageStackChart? ForDeviceMapper(HostFacts facts, string dmName, IReadOnlyDictionary<string, string>? namesByDeviceNumber = null)
    {
        var tables = facts.DeviceMapperTargets.GroupBy(t => t.Device, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (!tables.ContainsKey(dmName)) return null;
        var names = namesByDeviceNumber ?? new Dictionary<string, string>();
        var devices = new List<StackDevice>();
        var links = new List<StackLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void AddDm(string name, bool affected)
        {
            if (!seen.Add(name)) return;
            var targets = tables[name];
            var types = string.Join("+", targets.Select(t => t.Type).Distinct());
            devices.Add(new StackDevice(name, name, $"dm {types}, {Size(targets.Sum(t => t.Length))}", affected));
            foreach (var target in targets)
            {
                var numbers = DeviceNumber().Matches(target.Arguments).Select(m => m.Value).ToList();
                for (var i = 0; i < numbers.Count; i++)
                {
                    var number = numbers[i];
                    var role = Role(target.Type, i);
                    if (names.TryGetValue(number, out var lowerName) && tables.ContainsKey(lowerName))
                    {
                        links.Add(new StackLink(name, lowerName));
                        AddDm(lowerName, false);
                        continue;
                    }

                    var id = "dev:" + number;
                    links.Add(new StackLink(name, id));
                    if (seen.Add(id))
                    {
                        var label = names.TryGetValue(number, out var known) ? known : $"device {number}";
                        devices.Add(new StackDevice(id, label, role.Length > 0 ? $"{role} of {name}" : $"used by {name}"));
                    }
                }
            }
        }

        AddDm(dmName, true);
        return new StorageStackChart($"Storage stack under {dmName}", devices, links);
    }

    /// <summary>What the n-th device argument of a target is for, where the target type says so.</summary>
    private static string Role(string type, int index) => (type, index) switch
    {
        ("snapshot" or "snapshot-merge", 0) => "origin",
        ("snapshot" or "snapshot-merge", 1) => "COW store",
        ("snapshot-origin", 0) => "origin data",
        ("thin-pool", 0) => "metadata",
        ("thin-pool", 1) => "data",
        ("cache", 0) => "cache metadata",
        ("cache", 1) => "cache",
        ("cache", 2) => "origin",
        _ => "",
    };

    private static string Size(long sectors)
    {
        var bytes = (double)sectors * SectorBytes;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return bytes.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    [GeneratedRegex(@"(?<![\w:])\d{1,4}:\d{1,7}(?![\w:])")]
    private static partial Regex DeviceNumber();
}
