namespace Advisor.Reporting.Charts;

/// <summary>One colour per NUMA node (Okabe–Ito palette: distinguishable with colour-vision deficiency and in greyscale print).</summary>
public static class NumaColors
{
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string For(int node) => Palette[((node % Palette.Length) + Palette.Length) % Palette.Length];
}
