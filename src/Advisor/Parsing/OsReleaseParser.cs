using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary><c>etc/os-release</c>, <c>etc/lsb-release</c> and <c>lsb_release -a</c> output.</summary>
public static class OsReleaseParser
{
    public const string OsReleasePath = "etc/os-release";
    public const string LsbReleasePath = "etc/lsb-release";
    public const string LsbReleaseCommandPath = "sos_commands/release/lsb_release";

    public static ParseResult<OsFacts> ParseOsRelease(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<OsFacts>(lines) is { } unusable) return unusable;
        var values = KeyValueParser.ParseAssignments(lines);
        if (!values.TryGetValue("PRETTY_NAME", out var pretty) && !values.TryGetValue("NAME", out pretty))
        {
            return ParseResult<OsFacts>.Unusable($"{lines.Path} has neither PRETTY_NAME nor NAME");
        }

        return ParseResult<OsFacts>.Ok(new OsFacts
        {
            PrettyName = pretty,
            Id = values.TryGetValue("ID", out var id) ? Lower(id) : Fact<string>.Missing("os-release has no ID"),
            VersionId = values.GetValueOrDefault("VERSION_ID") ?? Fact<string>.Missing("os-release has no VERSION_ID"),
            IdLike = values.GetValueOrDefault("ID_LIKE") ?? Fact<string>.Missing("os-release has no ID_LIKE"),
        });
    }

    /// <summary><c>DISTRIB_ID=Ubuntu</c>… or <c>lsb_release -a</c>'s <c>Description:	Ubuntu 20.04.3 LTS</c>.</summary>
    public static ParseResult<OsFacts> ParseLsbRelease(TextLines lines)
    {
        if (CommandErrorText.CheckUsable<OsFacts>(lines) is { } unusable) return unusable;
        var assignments = KeyValueParser.ParseAssignments(lines);
        var pairs = KeyValueParser.ParseColonPairs(lines);
        var description = assignments.GetValueOrDefault("DISTRIB_DESCRIPTION") ?? pairs.GetValueOrDefault("Description");
        if (description is null)
        {
            return ParseResult<OsFacts>.Unusable($"{lines.Path} has no description line");
        }

        var id = assignments.GetValueOrDefault("DISTRIB_ID") ?? pairs.GetValueOrDefault("Distributor ID");
        var release = assignments.GetValueOrDefault("DISTRIB_RELEASE") ?? pairs.GetValueOrDefault("Release");
        return ParseResult<OsFacts>.Ok(new OsFacts
        {
            PrettyName = description,
            Id = id is null ? Fact<string>.Missing("no distributor id") : Lower(id),
            VersionId = release ?? Fact<string>.Missing("no release number"),
        });
    }

    private static Fact<string> Lower(Fact<string> fact) => Fact<string>.Of(fact.Value.ToLowerInvariant(), fact.Source!);
}
