using Advisor.Reporting;
using Advisor.Tests.Support;

namespace Advisor.Tests.Reporting;

/// <summary>
/// Every format and audience of the shipped sample's report, compared with the files in
/// <c>tests/Advisor.Tests/Reporting/Snapshots/</c> (the generated-at line removed). After an intended change to
/// a report, the rules or the kb, rewrite them with
/// <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Advisor.Tests --filter FullyQualifiedName~SnapshotTests</c>
/// and review the diff.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string, string> Reports => new()
    {
        { "markdown", "customer", "sample.customer.md" },
        { "markdown", "engineer", "sample.engineer.md" },
        { "html", "customer", "sample.customer.html" },
        { "html", "engineer", "sample.engineer.html" },
        { "sarif", "engineer", "sample.sarif" },
        { "json", "engineer", "sample.json" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_sample_report_matches_its_snapshot(string format, string audience, string snapshot)
    {
        var id = StoredReports.Ingest(temp.FullPath, StoredReports.SampleBundle, temp.DatabasePath);

        var result = CliRunner.Run(temp.FullPath, "report", id, "--db", temp.DatabasePath, "--format", format, "--audience", audience);

        Assert.Equal(0, result.ExitCode);
        if (format == "sarif") SarifSchema.AssertValid(result.Out);
        var actual = GeneratedAtLine.Remove(result.Out);
        Assert.NotEqual(result.Out, actual);
        // the rule-set hash changes with any rule or article; the text it produced is what the snapshot pins
        actual = actual.Replace(Advisor.Cli.KnowledgeLocation.LoadShipped().Version, "RULESET");
        var path = TestPaths.InRepository($"tests/Advisor.Tests/Reporting/Snapshots/{snapshot}");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no snapshot {path}; run with UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{snapshot} differs from the snapshot at line {first + 1}:\n- {expectedLines.ElementAtOrDefault(first)}\n+ {actualLines.ElementAtOrDefault(first)}\n" +
                "If the change is intended: UPDATE_SNAPSHOTS=1 dotnet test tests/Advisor.Tests --filter FullyQualifiedName~SnapshotTests");
        }
    }
}
