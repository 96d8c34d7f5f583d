using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Advisor.Reporting.Charts;

/// <summary>
/// Small helpers for building SVG with <see cref="System.Xml.Linq"/>: the XML writer escapes every text and
/// attribute, so values from a bundle (device names, titles) can never add elements or script.
/// </summary>
public static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public const string FontFamily = "system-ui,-apple-system,'Segoe UI',sans-serif";

    /// <summary>The root element: a fixed view box that scales to the page width, an accessible title first.</summary>
    public static XElement Root(double width, double height, string title, string cssClass) =>
        new(Ns + "svg",
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("role", "img"),
            new XAttribute("class", cssClass),
            new XAttribute("font-family", FontFamily),
            new XAttribute("font-size", "12"),
            new XElement(Ns + "title", Clean(title)));

    public static XElement Text(double x, double y, string text, string anchor = "start", params object[] extra) =>
        new(Ns + "text", new XAttribute("x", Number(x)), new XAttribute("y", Number(y)), new XAttribute("text-anchor", anchor), extra, Clean(text));

    /// <summary>A tooltip / accessible name for the element it is placed in.</summary>
    public static XElement Title(string text) => new(Ns + "title", Clean(text));

    public static XElement Rect(double x, double y, double width, double height, string fill, params object[] extra) =>
        new(Ns + "rect",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("width", Number(Math.Max(0, width))), new XAttribute("height", Number(Math.Max(0, height))),
            new XAttribute("fill", fill), extra);

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1) =>
        new(Ns + "line",
            new XAttribute("x1", Number(x1)), new XAttribute("y1", Number(y1)),
            new XAttribute("x2", Number(x2)), new XAttribute("y2", Number(y2)),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", Number(width)));

    /// <summary>The SVG as compact text, ready to embed in HTML.</summary>
    public static string Serialize(XElement root) => root.ToString(SaveOptions.DisableFormatting);

    /// <summary>Invariant, at most two decimals: the same chart always gives the same bytes.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Text with characters XML cannot carry (control characters, lone surrogates) replaced, so any bundle value serialises.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) && !char.IsControl(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    /// <summary>"Nice" upper bound and step for an axis from 0 to <paramref name="max"/> (1, 2 or 5 times a power of ten).</summary>
    public static (double Top, double Step) Axis(double max, int ticks = 4)
    {
        if (max <= 0) return (1, 1);
        var rough = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        return (Math.Ceiling(max / step) * step, step);
    }

    /// <summary>Counts written short: 950, 12.5k, 3.2M.</summary>
    public static string Short(double value) => value switch
    {
        >= 1_000_000_000 => Number(value / 1_000_000_000) + "G",
        >= 1_000_000 => Number(value / 1_000_000) + "M",
        >= 10_000 => Number(value / 1_000) + "k",
        _ => Number(value),
    };
}
