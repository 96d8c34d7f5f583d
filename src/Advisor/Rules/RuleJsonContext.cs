using System.Text.Json;
using System.Text.Json.Serialization;

namespace Advisor.Rules;

/// <summary>
/// How rule files are read: camelCase names, comments allowed, and no property the rule does not know (a typo is
/// an error, not a silently ignored field). Generated at build time, so loading the rules reflects over nothing.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RuleDefinition))]
internal sealed partial class RuleJsonContext : JsonSerializerContext;
