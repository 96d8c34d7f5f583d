using System.Globalization;
using Advisor.Facts;

namespace Advisor.Parsing;

/// <summary>Single-value sysfs attributes: integers, words, word lists and the bracketed active choice.</summary>
public static class SysfsValueParser
{
    public static Fact<int> ParseInt(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<int>.Unusable($"{lines.Path} is empty");
        return int.TryParse(first.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Fact<int>.Of(value, lines.EvidenceAt(first.Number))
            : Fact<int>.Unusable($"{lines.Path} does not hold a number", lines.EvidenceAt(first.Number));
    }

    public static Fact<long> ParseLong(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<long>.Unusable($"{lines.Path} is empty");
        return long.TryParse(first.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Fact<long>.Of(value, lines.EvidenceAt(first.Number))
            : Fact<long>.Unusable($"{lines.Path} does not hold a number", lines.EvidenceAt(first.Number));
    }

    /// <summary>A PCIe link speed file (<c>8.0 GT/s PCIe</c>, <c>2.5 GT/s</c>) in GT/s; unusable for <c>Unknown</c>.</summary>
    public static Fact<double> ParseLinkSpeed(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<double>.Unusable($"{lines.Path} is empty");
        return LspciParser.ParseSpeed(first.Text) is { } gts
            ? Fact<double>.Of(gts, lines.EvidenceAt(first.Number))
            : Fact<double>.Unusable($"{lines.Path} holds no GT/s speed", lines.EvidenceAt(first.Number));
    }

    public static Fact<string> ParseWord(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<string>.Unusable($"{lines.Path} is empty");
        return Fact<string>.Of(first.Text, lines.EvidenceAt(first.Number));
    }

    public static Fact<List<string>> ParseWords(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<List<string>>.Unusable($"{lines.Path} is empty");
        return Fact<List<string>>.Of([.. first.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)], lines.EvidenceAt(first.Number));
    }

    /// <summary><c>noop deadline [cfq]</c> → <c>cfq</c>; a lone <c>none</c> (no choice offered) → <c>none</c>.</summary>
    public static Fact<string> ParseBracketedChoice(TextLines lines)
    {
        if (FirstLine(lines) is not { } first) return Fact<string>.Unusable($"{lines.Path} is empty");
        var open = first.Text.IndexOf('[');
        var close = first.Text.IndexOf(']', open + 1);
        if (open >= 0 && close > open)
        {
            return Fact<string>.Of(first.Text[(open + 1)..close], lines.EvidenceAt(first.Number));
        }

        var words = first.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1
            ? Fact<string>.Of(words[0], lines.EvidenceAt(first.Number))
            : Fact<string>.Unusable($"{lines.Path} marks no active choice", lines.EvidenceAt(first.Number));
    }

    private static (int Number, string Text)? FirstLine(TextLines lines)
    {
        foreach (var (number, text) in lines.Numbered())
        {
            if (!string.IsNullOrWhiteSpace(text)) return (number, text.Trim());
        }

        return null;
    }
}
