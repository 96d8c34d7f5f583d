using System.Text.Json.Serialization;
using Advisor.Diagnostics;

namespace Advisor.Facts;

/// <summary>
/// Serializer metadata for facts and analyses generated at build time, so that storing a bundle does not first
/// spend ~60 ms reflecting over every fact type. <see cref="FactsJson"/> falls back to reflection for any type
/// not listed here.
/// </summary>
[JsonSerializable(typeof(HostFacts))]
[JsonSerializable(typeof(AnalysisResult))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
