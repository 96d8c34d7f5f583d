using System.Text.Json;
using System.Text.Json.Serialization;
using Advisor.Diagnostics;

namespace Advisor.Facts;

/// <summary>
/// Serializer code for facts and analyses generated at build time, in the documented shape (camelCase names, enums
/// as camelCase words): storing a bundle then writes JSON straight from the generated code instead of first
/// configuring metadata for every fact type, which cost ~60–110 ms per process. <see cref="FactsJson"/> falls back
/// to reflection for any type not listed here.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(HostFacts))]
[JsonSerializable(typeof(AnalysisResult))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;

/// <summary>Fact states as camelCase words (<c>present</c>), as the documented JSON shape has them.</summary>
public sealed class FactStateJson() : JsonStringEnumConverter<FactState>(JsonNamingPolicy.CamelCase);

/// <summary>Severities as camelCase words (<c>warning</c>), as the documented JSON shape has them.</summary>
public sealed class SeverityJson() : JsonStringEnumConverter<Severity>(JsonNamingPolicy.CamelCase);

/// <summary>
/// Writing only: the same shape as <see cref="FactsJsonContext"/>, with the generated writers and no property
/// metadata, so that storing the first bundle of a process does not configure metadata for every fact type first.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(HostFacts))]
[JsonSerializable(typeof(AnalysisResult))]
internal sealed partial class FactsWriteContext : JsonSerializerContext;
