using System.CommandLine;
using Advisor.Bundles;
using Advisor.Configuration;
using Advisor.Facts;
using Advisor.Storage;

namespace Advisor.Cli.Commands;

/// <summary>
/// <c>advisor facts &lt;bundle-or-id&gt;</c>: print what Advisor understood about a host, each value with its evidence.
/// A path is read directly (nothing stored); anything else is a stored bundle id or a unique prefix of one.
/// </summary>
public static class FactsCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Argument<string>("bundle-or-id") { Description = "A sosreport (file or folder), or the id (or a unique prefix) of a bundle in the database" };
        var database = CommonOptions.Database();
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var command = new Command("facts", "Print the facts read from a bundle, each value with the file and line it came from") { target, database, format };
        command.SetAction(parse => Run(parse.GetValue(target)!, parse.GetValue(database), parse.GetValue(format)!, console));
        return command;
    }

    private static int Run(string target, string? database, string format, CliConsole console)
    {
        AdvisorSettings settings;
        try
        {
            var overrides = new Dictionary<string, string?>();
            if (database is not null) overrides["Database:Path"] = database;
            settings = SettingsLoader.Load(console.WorkingDirectory, overrides);
        }
        catch (ConfigurationException e)
        {
            console.Fail(e.Message);
            return ExitCodes.UsageError;
        }

        var path = Path.GetFullPath(target, console.WorkingDirectory);
        HostFacts? facts;
        // bundle ids are hex digests: anything else is a path, read (or reported missing) without opening the database
        if (File.Exists(path) || Directory.Exists(path) || !target.All(char.IsAsciiHexDigit))
        {
            try
            {
                var reader = new BundleReader(HostFactsBuilder.Wanted, settings.Limits);
                var contents = reader.Read(path, out _);
                foreach (var line in BundleWarningLines.Of(target, contents, "what is printed"))
                {
                    console.Error.WriteLine(line);
                }

                facts = HostFactsBuilder.Build(contents);
            }
            catch (BundleReadException e)
            {
                console.Fail(e.Message);
                return ExitCodes.UnreadableBundle;
            }
        }
        else
        {
            try
            {
                using var db = AdvisorDatabase.Open(Path.GetFullPath(settings.Database.ResolvePath(), console.WorkingDirectory));
                var matches = db.ListBundles().Where(b => b.Id.StartsWith(target, StringComparison.OrdinalIgnoreCase)).ToList();
                if (matches.Count != 1)
                {
                    console.Fail(matches.Count == 0
                        ? $"{target}: no such file, and no stored bundle id starts with it"
                        : $"{target}: {matches.Count} stored bundles start with this prefix ({string.Join(", ", matches.Select(m => m.Id[..12]))}); give more of the id");
                    return ExitCodes.UsageError;
                }

                facts = db.LoadFacts(matches[0].Id);
            }
            catch (DatabaseException e)
            {
                console.Fail(e.Message);
                return ExitCodes.UsageError;
            }

            if (facts is null)
            {
                console.Fail($"{target}: the database holds no facts for this bundle");
                return ExitCodes.UsageError;
            }
        }

        console.Out.Write(format == "json" ? FactsJson.Serialize(facts) + Environment.NewLine : FactsTextWriter.Write(facts));
        return ExitCodes.Success;
    }
}
