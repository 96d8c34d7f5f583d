using Advisor.Parsing;
using Advisor.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Advisor.Tests.Parsing;

/// <summary>
/// Every parser on 10,000 mutations of the real captures in ../shared/realdata/samples (truncated, bit-flipped,
/// lines dropped, duplicated or replaced by error text, CRLF, invalid characters): no unhandled exception.
/// ADVISOR_FUZZ_ITERATIONS raises the count for a longer local run.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("ADVISOR_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 10_000;

    /// <summary>Real captures (up to 64 KiB each, to keep the run CI-sized).</summary>
    private static readonly Lazy<string[]> Seeds = new(() =>
        Directory.EnumerateFiles(TestPaths.RealData("samples"), "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length is > 0 and <= 64 * 1024)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray());

    private static readonly string[] Noise =
    [
        "Permission denied", "command not found", "\u0000\u0001\u0002", "\uFFFD\uFFFD", "-----", "    ", ":", "=", "[", "]",
        "99999999999999999999999", "-1", "NaN", "0x", "CPU0 CPU1", "Handle 0x", "\tKey:", "node 1 cpus: 3-", "LnkSta: Speed",
    ];

    public static TheoryData<string> ParserNames() => [.. ParserCatalog.All.Keys];

    [Theory]
    [MemberData(nameof(ParserNames))]
    public void Parser_survives_mutated_real_captures(string parser)
    {
        var parse = ParserCatalog.All[parser];
        var property = Prop.ForAll(MutatedCaptures(), text =>
        {
            var result = parse(new TextLines("fuzz", text));
            return result is not null;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Iterations).WithQuietOnSuccess(true), property);
    }

    private static Arbitrary<string> MutatedCaptures()
    {
        var seed = Gen.Elements(Seeds.Value);
        var mutation = Gen.Choose(0, 7).SelectMany(kind => Gen.Choose(0, int.MaxValue).Select(position => (kind, position)));
        return seed.SelectMany(text => Gen.ListOf(mutation).Select(ops => ops.Take(4).Aggregate(text, Apply))).ToArbitrary();
    }

    private static string Apply(string text, (int Kind, int Position) op)
    {
        if (text.Length == 0) return Noise[op.Position % Noise.Length];
        var at = op.Position % text.Length;
        var lines = op.Kind is 2 or 3 or 4 ? text.Split('\n') : [];
        return op.Kind switch
        {
            0 => text[..at], // truncated upload
            1 => string.Concat(text.AsSpan(0, at), ((char)(text[at] ^ (1 << (op.Position % 7)))).ToString(), text.AsSpan(at + 1)), // bit flip
            2 => string.Join('\n', lines.Where((_, i) => i != op.Position % lines.Length)), // line lost
            3 => string.Join('\n', lines.Take(op.Position % lines.Length + 1).Concat(lines.Skip(op.Position % lines.Length))), // line repeated
            4 => string.Join('\n', lines.Select((l, i) => i == op.Position % lines.Length ? Noise[op.Position % Noise.Length] : l)), // line replaced
            5 => text.Replace("\n", "\r\n"), // Windows line endings
            6 => Noise[op.Position % Noise.Length] + "\n" + text, // error text before the output
            _ => text.Insert(at, Noise[op.Position % Noise.Length]), // noise mid-line
        };
    }
}
