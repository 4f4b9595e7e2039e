namespace Gates.Core.Charts;

/// <summary>The size of a chart in pixels and the margins around its plot area (axes and labels live in the margins).</summary>
public sealed record ChartSize(int Width = 640, int Height = 240, int Left = 56, int Right = 16, int Top = 24, int Bottom = 44)
{
    public double PlotWidth => Math.Max(Width - Left - Right, 1);

    public double PlotHeight => Math.Max(Height - Top - Bottom, 1);
}

/// <summary>One entry of a chart's legend: the text and how its mark looks (a swatch, a line, or a point's shape).</summary>
public sealed record LegendEntry(string Text, MarkStyle Style, LegendMark Mark = LegendMark.Swatch, Shape Shape = Shape.Circle);

public enum LegendMark
{
    Swatch,
    Line,
    Point,
}
