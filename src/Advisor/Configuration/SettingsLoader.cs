using Microsoft.Extensions.Configuration;

namespace Advisor.Configuration;

public static class SettingsLoader
{
    public const string FileName = "advisor.json";
    public const string EnvironmentPrefix = "ADVISOR_";

    /// <summary>Layers <c>advisor.json</c> in <paramref name="workingDirectory"/>, the environment and the command line's overrides.</summary>
    public static AdvisorSettings Load(string workingDirectory, IReadOnlyDictionary<string, string?> commandLine)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(workingDirectory)
            .AddJsonFile(FileName, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLine)
            .Build();
        var settings = new AdvisorSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            // e.g. "Failed to convert configuration value at 'Limits:MaxEntries' to type 'System.Int64'."
            throw new ConfigurationException($"{FileName} or {EnvironmentPrefix}* settings: {e.Message}");
        }

        settings.Limits.Validate();
        return settings;
    }
}
