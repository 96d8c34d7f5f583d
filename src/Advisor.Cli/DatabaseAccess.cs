using Advisor.Configuration;
using Advisor.Storage;

namespace Advisor.Cli;

/// <summary>Opens the configured database for a command, turning every expected failure into one line and exit code 2.</summary>
public static class DatabaseAccess
{
    public static int With(CliConsole console, string? databaseOption, Func<AdvisorDatabase, AdvisorSettings, int> action)
    {
        try
        {
            var overrides = new Dictionary<string, string?>();
            if (databaseOption is not null) overrides["Database:Path"] = databaseOption;
            var settings = SettingsLoader.Load(console.WorkingDirectory, overrides);
            var path = Path.GetFullPath(settings.Database.ResolvePath(), console.WorkingDirectory);
            if (!File.Exists(path))
            {
                console.Fail($"{path}: no database yet (run 'advisor ingest' first, or name one with --db)");
                return ExitCodes.UsageError;
            }

            using var db = AdvisorDatabase.Open(path, console.Warn);
            return action(db, settings);
        }
        catch (Exception e) when (e is DatabaseException or ConfigurationException or BundleSelector.SelectionException or InvalidOperationException)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }
    }
}
