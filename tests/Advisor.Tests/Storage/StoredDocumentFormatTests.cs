using System.Text.Json;
using Advisor.Bundles;
using Advisor.Diagnostics;
using Advisor.Facts;
using Advisor.Storage;
using Advisor.Tests.Support;

namespace Advisor.Tests.Storage;

/// <summary>The compressed forms of a bundle's documents read back exactly as written.</summary>
public sealed class StoredDocumentFormatTests
{
    [Fact]
    public void The_entry_list_of_the_real_openstack_bundle_reads_back_line_for_line_and_stores_smaller_than_plain_lines()
    {
        var contents = RealCaptures.Openstack;
        var expected = new List<string>();
        contents.VisitEntries((path, _, size) => expected.Add($"{path}\t{size}"));

        var stored = EntryListDocument.Compress(contents);

        Assert.Equal(expected, EntryListDocument.Decompress(stored));
        Assert.Equal(contents.EntryCount, expected.Count);
        var plain = CompressedText.Compress(System.Text.Encoding.UTF8.GetBytes(string.Concat(expected.Select(l => l + "\n"))));
        Assert.True(stored.Length < plain.Length * 0.7, $"coded {stored.Length} bytes, plain {plain.Length}");
    }

    [Fact]
    public void Paths_with_tabs_and_line_breaks_are_stored_with_spaces_and_the_rest_is_kept()
    {
        var contents = new BundleContents();
        contents.AddEntry(new BundleEntry("sys/a\tb/c", BundleEntryKind.File, 3));
        contents.AddEntry(new BundleEntry("sys/a\tb/d\ne", BundleEntryKind.File, 4));
        contents.AddEntry(new BundleEntry("sys/ab", BundleEntryKind.Directory, 0));
        contents.AddEntry(new BundleEntry("étc/ünïcode", BundleEntryKind.File, 12));

        var lines = EntryListDocument.Decompress(EntryListDocument.Compress(contents));

        // the folders the paths imply were never listed, so they are not in the list
        Assert.Equal(["sys/a b/c\t3", "sys/a b/d e\t4", "sys/ab\t0", "étc/ünïcode\t12"], lines);
    }

    [Fact]
    public void Captured_files_read_back_with_their_size_truncation_and_text()
    {
        CapturedFile[] files =
        [
            new("sos_commands/kernel/uname_-a", "Linux host 5.4.0-97-generic #110-Ubuntu SMP x86_64 GNU/Linux\n", 64, false),
            new("var/log/kern.log", "ünïcode \u00a0 and \ufffd\n", 1 << 30, true),
            new("empty", "", 0, false),
        ];

        var read = CapturedFilesDocument.Decompress("abc", CapturedFilesDocument.Compress(files));

        Assert.Equal(files.Select(f => (f.Path, f.Text, f.Size, f.Truncated)), read.Select(f => (f.Path, f.Text, f.Size, f.Truncated)));
        Assert.All(read, f => Assert.Equal($"abc:{f.Path}", f.Id));
    }

    [Fact]
    public void The_generated_writers_write_facts_and_analyses_exactly_as_the_documented_options_do()
    {
        var facts = RealCaptures.OpenstackHost;
        var analysis = new AnalysisResult
        {
            RuleSetVersion = "v1",
            RulesRun = 2,
            Diagnostics =
            [
                new Diagnostic
                {
                    Id = "ADV0001", Title = "t", Category = "Storage", Severity = Severity.Warning, Message = "m <b>&</b>", Instance = "nvme0n1",
                    Arguments = new() { ["device"] = "nvme0n1" }, Evidence = [new Evidence("sys/block/nvme0n1/queue/nomerges", 1, "2")],
                    SuppressionJustification = "why",
                },
            ],
            NotEvaluated = [new NotEvaluated { Id = "ADV0003", Title = "x", Instance = "", MissingInputs = ["clocksource"] }],
        };

        var documented = new JsonSerializerOptions(FactsJson.Options) { WriteIndented = false };

        var written = System.Text.Encoding.UTF8.GetString(CompressedText.Decompress(CompressedText.CompressJson(facts, FactsWriteContext.Default.HostFacts)));

        Assert.Equal(JsonSerializer.Serialize(facts, documented), written);
        Assert.Equal(JsonSerializer.Serialize(analysis, documented), JsonSerializer.Serialize(analysis, FactsWriteContext.Default.AnalysisResult));
        Assert.Contains("\"state\":\"missing\"", written);
        Assert.Equal(facts.Hostname.Value, FactsJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(written)).Hostname.Value);
    }
}
