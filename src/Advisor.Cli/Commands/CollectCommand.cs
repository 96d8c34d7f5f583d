using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Advisor.Bundles;
using Advisor.Collection;
using Advisor.Configuration;

namespace Advisor.Cli.Commands;

/// <summary>
/// <c>advisor collect [--output host.tar.xz]</c>: writes exactly what <c>ingest --live</c> reads as a sosreport-layout
/// tar.xz, which <c>advisor ingest</c> reads like any bundle. Read-only on the host; what could not be collected goes
/// to standard error.
/// </summary>
public static class CollectCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the bundle to this file (default: sosreport-<hostname>-<yyyy-MM-dd-HHmmss>.tar.xz in the current folder)",
            HelpName = "file",
        };
        var iostat = new Option<bool>("--iostat") { Description = "Also sample 'iostat -x -k 5 3' (adds 15 seconds)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the path written and errors, not what could not be collected" };
        var command = new Command("collect", "Collect this machine's sysfs, /proc and command outputs into a sosreport-layout tar.xz (read-only)")
        {
            output, iostat, quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(output), parse.GetValue(iostat), parse.GetValue(quiet), console));
        return command;
    }

    private static int Run(string? output, bool withIostat, bool quiet, CliConsole console)
    {
        AdvisorSettings settings;
        try
        {
            settings = SettingsLoader.Load(console.WorkingDirectory, new Dictionary<string, string?>());
        }
        catch (Exception e) when (e is ConfigurationException or InvalidOperationException or FormatException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        var clock = Stopwatch.StartNew();
        var snapshot = LiveHost.CreateReader(withIostat, settings.Limits).Read();
        var path = Path.GetFullPath(output ?? SosArchiveWriter.TopFolderName(snapshot) + ".tar.xz", console.WorkingDirectory);
        try
        {
            SosArchiveWriter.Write(snapshot, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{output ?? path}: cannot write the bundle ({e.Message})");
            return ExitCodes.UsageError;
        }

        if (!quiet)
        {
            foreach (var warning in snapshot.Warnings)
            {
                console.Warn($"{snapshot.DisplayName}: {warning}");
            }
        }

        var files = snapshot.Items.Count(i => i.Kind == BundleEntryKind.File);
        var links = snapshot.Items.Count(i => i.Kind == BundleEntryKind.Symlink);
        var size = new FileInfo(path).Length;
        console.Error.WriteLine(
            $"advisor: {snapshot.DisplayName}: wrote {path} ({files} files, {links} links, {size.ToString("N0", CultureInfo.InvariantCulture)} bytes) in "
            + $"{clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        return ExitCodes.Success;
    }
}
