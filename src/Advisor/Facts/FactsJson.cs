using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Advisor.Facts;

/// <summary>The documented JSON shape of facts and analyses: camelCase, enums as words, indented.</summary>
public static class FactsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.Default,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(FactsJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static string Serialize(HostFacts facts) => JsonSerializer.Serialize(facts, Options);

    public static HostFacts Deserialize(string json) => JsonSerializer.Deserialize<HostFacts>(json, Options) ?? new HostFacts();

    public static HostFacts Deserialize(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<HostFacts>(utf8Json, Options) ?? new HostFacts();
}
