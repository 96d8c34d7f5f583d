using Advisor.Tests.Support;
using NJsonSchema;

namespace Advisor.Tests.Reporting;

/// <summary>The official SARIF 2.1.0 schema from <c>../shared/schemas</c>; every SARIF log a test writes is checked against it.</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(TestPaths.Shared, "schemas/sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    public static void AssertValid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, "SARIF schema violations:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} (line {e.LineNumber})")));
    }
}
