using System.Collections.Concurrent;
using System.Text;
using Advisor.Bundles;
using Advisor.Facts;

namespace Advisor.Collection;

/// <summary>
/// Reads the running system the way a sosreport would hold it, through the parsers' own wanted paths
/// (<see cref="HostFactsBuilder.WantedGlobs"/>): files under <paramref name="root"/> (<c>/sys</c>, <c>/proc</c>,
/// <c>/etc</c>…) read directly, read-only, each capped and time-limited; the commands of <paramref name="commands"/>
/// run through <paramref name="runner"/>. The walk never follows a symlink (sysfs is full of loops) and stops at
/// <see cref="MaxDepth"/>; every symlink it meets on the way to a wanted path is recorded with its relative target,
/// as the archive would hold it. Nothing is static: tests pass a fake root and a fake runner.
/// </summary>
public sealed class LiveSystemReader(string root, ICommandRunner runner, IReadOnlyList<LiveCommand> commands, BundleLimits limits)
{
    /// <summary>Folders below the root the walk descends at most.</summary>
    public int MaxDepth { get; init; } = 24;

    /// <summary>Cap for one file under /sys or /proc (the capture cap applies elsewhere and to command output).</summary>
    public long MaxPseudoFileBytes { get; init; } = 1024 * 1024;

    /// <summary>How long one file read may take before it is abandoned.</summary>
    public TimeSpan FileReadTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the reader runs as root; when not, the report says once that coverage is reduced.</summary>
    public bool RunningAsRoot { get; init; } = Environment.IsPrivilegedProcess;

    /// <summary>How many commands run at once.</summary>
    public int CommandParallelism { get; init; } = 4;

    public LiveSnapshot Read()
    {
        var started = DateTime.UtcNow;
        var items = new List<LiveItem>();
        var warnings = new List<string>();
        var interfaces = ListNames("sys/class/net");
        var expanded = commands.SelectMany(c => c.PerInterface ? interfaces.Select(c.ForInterface) : [c]).ToList();
        var runs = Task.Run(() => RunCommands(expanded));
        ReadFiles(items, warnings);
        var (runResults, commandItems, commandWarnings) = runs.GetAwaiter().GetResult();
        items.AddRange(commandItems);
        var hostname = Hostname(items);
        items.Add(LiveItem.File(LiveManifest.Path, LiveManifest.Write(hostname, started, runResults)));
        warnings.InsertRange(0, commandWarnings);
        if (!RunningAsRoot)
        {
            warnings.Insert(0, "not running as root: dmidecode, device-mapper and some /sys files were not readable; run as root for full coverage");
        }

        AddFolders(items);
        return new LiveSnapshot(hostname, started, items, warnings);
    }

    private string Full(string relative) => Path.Join(root, relative);

    private IReadOnlyList<string> ListNames(string folder)
    {
        try
        {
            return new DirectoryInfo(Full(folder)).EnumerateFileSystemInfos().Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Walks each glob's start folder, descending only where a wanted path can lie.</summary>
    private void ReadFiles(List<LiveItem> items, List<string> warnings)
    {
        var fileGlobs = HostFactsBuilder.WantedGlobs.Where(g => g.Contains('/') && !g.StartsWith("sos_", StringComparison.Ordinal)).ToList();
        var wanted = new WantedPaths(fileGlobs);
        var walkable = new GlobPrefix([.. fileGlobs, .. LiveCommandTable.ListedGlobs]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var denied = new List<string>();
        using var files = new BoundedFileReader(limits.MaxCapturedBytesPerFile, FileReadTimeout);
        var pending = new Stack<(string Path, int Depth)>(walkable.StartFolders().Select(s => (s, s.Count(c => c == '/') + 1)));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            IEnumerable<FileSystemInfo> members;
            try
            {
                members = new DirectoryInfo(Full(folder)).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var member in members)
            {
                var path = folder.Length == 0 ? member.Name : $"{folder}/{member.Name}";
                if (!seen.Add(path)) continue;
                string? target;
                try
                {
                    target = member.LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // gone since the listing, or unreadable: as if never there
                }

                if (target is not null)
                {
                    if (walkable.CanLeadToMatch(path)) items.Add(LiveItem.Link(path, RelativeTarget(path, target)));
                }
                else if (member is DirectoryInfo)
                {
                    if (depth < MaxDepth && walkable.CanLeadToMatch(path))
                    {
                        items.Add(LiveItem.Folder(path));
                        pending.Push((path, depth + 1));
                    }
                }
                else if (member is FileInfo && wanted.IsWanted(path))
                {
                    ReadFile(files, path, items, warnings, denied);
                }
            }
        }

        if (denied.Count > 0)
        {
            warnings.Add($"{denied.Count} file(s) could not be read (permission denied), e.g. /{denied[0]}");
        }
    }

    /// <summary>
    /// Reads one wanted file through the time-limited reader: a file whose open or read blocks (a sysfs attribute
    /// stuck in its driver, or a FIFO where a file was expected) costs at most <see cref="FileReadTimeout"/>.
    /// </summary>
    private void ReadFile(BoundedFileReader files, string path, List<LiveItem> items, List<string> warnings, List<string> denied)
    {
        var pseudo = path.StartsWith("sys/", StringComparison.Ordinal) || path.StartsWith("proc/", StringComparison.Ordinal);
        var keepEnd = HostFactsBuilder.Wanted.IsKeptByItsEnd(path);
        var result = files.Read(Full(path), pseudo ? Math.Min(MaxPseudoFileBytes, limits.MaxCapturedBytesPerFile) : limits.MaxCapturedBytesPerFile, keepEnd);
        if (result.Window is { } window)
        {
            var log = window.ToCapturedFile(path);
            var newestLines = window.KeptEndBytes();
            items.Add(LiveItem.Log(path, newestLines, log));
            warnings.Add($"/{path}: {log.Size} bytes, over the capture cap of {limits.MaxCapturedBytesPerFile}: its first and last lines are analysed; a collected archive keeps its last {newestLines.Length} bytes");
        }
        else if (result.Content is { } content)
        {
            items.Add(LiveItem.File(path, content, result.Truncated));
        }
        else if (result.PermissionDenied)
        {
            denied.Add(path);
        }
        else if (result.TimedOut)
        {
            warnings.Add($"/{path}: {result.Error}");
        }

        // other read errors (EIO, EINVAL from write-only or absent attributes) are what sos meets too: not kept, not news
    }

    /// <summary>A link target as the archive holds it: relative to the link's folder (an absolute one is rewritten under the root).</summary>
    private static string RelativeTarget(string linkPath, string target) =>
        target.StartsWith('/') ? BundlePaths.RelativeLinkTarget(linkPath, target) : target;

    private (List<LiveManifest.Run> Runs, List<LiveItem> Items, List<string> Warnings) RunCommands(List<LiveCommand> toRun)
    {
        var results = new ConcurrentDictionary<int, CommandResult>();
        Parallel.For(0, toRun.Count, new ParallelOptions { MaxDegreeOfParallelism = CommandParallelism }, i =>
        {
            results[i] = runner.Run(toRun[i].Argv, toRun[i].Timeout, limits.MaxCapturedBytesPerFile);
        });

        var runs = new List<LiveManifest.Run>();
        var items = new List<LiveItem>();
        var warnings = new List<string>();
        var notFound = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < toRun.Count; i++)
        {
            var command = toRun[i];
            var result = results[i];
            if (result.NotFound && command.Group is { } group && !IsLastResortOfGroup(toRun, results, i, group))
            {
                continue;
            }

            // like sos: a command that could not start at all (127, 126) leaves no output file
            var hasFile = !result.NotFound && result.ExitCode != CommandResult.CannotExecuteExitCode;
            if (hasFile)
            {
                var content = result.ExitCode == 0 ? result.Output : [.. result.Output, .. result.Error];
                items.Add(LiveItem.File(command.SosPath, content, result.OutputTruncated));
            }

            runs.Add(new LiveManifest.Run(command, result, hasFile));
            if (result.NotFound)
            {
                // one line per missing program, however many interfaces it was to run for
                if (!notFound.TryGetValue(command.Argv[0], out var paths))
                {
                    notFound[command.Argv[0]] = paths = [];
                    warnings.Add(command.Argv[0]);
                }

                paths.Add(command.SosPath);
            }
            else if (Describe(command, result) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        var lines = warnings.Select(w => notFound.TryGetValue(w, out var paths)
            ? $"{w}: not found on PATH: {paths[0]}{(paths.Count > 1 ? $" and {paths.Count - 1} more" : "")} not collected"
            : w).ToList();
        return (runs, items, lines);
    }

    /// <summary>A command of a group not found is kept only when no member of its group ran and it is the group's first.</summary>
    private static bool IsLastResortOfGroup(List<LiveCommand> toRun, ConcurrentDictionary<int, CommandResult> results, int index, string group)
    {
        var members = Enumerable.Range(0, toRun.Count).Where(j => toRun[j].Group == group).ToList();
        return members.All(j => results[j].NotFound) && members[0] == index;
    }

    private string? Describe(LiveCommand command, CommandResult result)
    {
        var rootHint = command.NeedsRoot && !RunningAsRoot ? " (needs root)" : "";
        if (result.ExitCode == CommandResult.CannotExecuteExitCode) return $"{command.CommandLine}: not executable (permission denied): {command.SosPath} not collected";
        if (result.TimedOut) return $"{command.CommandLine}: timed out after {command.Timeout.TotalSeconds:0.#} s: killed, output kept so far";
        if (result.ExitCode != 0)
        {
            var firstLine = Encoding.UTF8.GetString(result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return $"{command.CommandLine}: exited {result.ExitCode}{(firstLine is null ? "" : $": {firstLine}")}{rootHint}";
        }

        return result.OutputTruncated ? $"{command.CommandLine}: output cut at {limits.MaxCapturedBytesPerFile} bytes" : null;
    }

    private string Hostname(List<LiveItem> items)
    {
        foreach (var path in new[] { "proc/sys/kernel/hostname", "etc/hostname" })
        {
            try
            {
                var name = File.ReadAllText(Full(path)).Trim();
                if (name.Length > 0) return name;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // next source
            }
        }

        var fromCommand = items.FirstOrDefault(i => i.Path == "sos_commands/host/hostname")?.Content;
        var text = fromCommand is null ? "" : Encoding.UTF8.GetString(fromCommand).Trim();
        return text.Length > 0 && !text.Contains('\n') ? text : "unknown-host";
    }

    /// <summary>Adds every folder that holds an item, as a tar lists them, so both readings list the same entries.</summary>
    private static void AddFolders(List<LiveItem> items)
    {
        var known = items.Where(i => i.Kind == BundleEntryKind.Directory).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.ToList())
        {
            var folder = BundlePaths.ParentOf(item.Path);
            while (folder.Length > 0 && known.Add(folder))
            {
                items.Add(LiveItem.Folder(folder));
                folder = BundlePaths.ParentOf(folder);
            }
        }
    }
}
