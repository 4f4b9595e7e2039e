using System.Text;

namespace Gates.Core.Charts;

/// <summary>
/// Writes one self-contained inline SVG chart: a plot area with an x and a y <see cref="Scale"/>, and marks drawn in
/// data units in the order they are added (bands and bars first, then lines and points, reads best). Every chart has a
/// &lt;title&gt; and a &lt;desc&gt; (its text alternative, also named by aria-labelledby); every mark may carry a
/// tooltip title. Marks differ by pattern, dash and shape, not colour alone. Values that cannot be placed (NaN,
/// infinity, zero on a log scale) are left out, so the output never holds NaN; values outside a scale are clamped to
/// its edge. Colours come from <see cref="ChartCss"/>, which the page includes once.
/// </summary>
public sealed class SvgChart
{
    private readonly StringBuilder marks = new();
    private readonly HashSet<Texture> textures = [];
    private readonly List<LegendEntry> legend = [];

    /// <param name="id">Unique on the page (pattern ids derive from it); see <see cref="SvgText.Id"/>.</param>
    public SvgChart(string id, string title, string description, Scale x, Scale y, ChartSize? size = null)
    {
        Id = SvgText.Id("", id);
        Title = title;
        Description = description;
        X = x;
        Y = y;
        Size = size ?? new ChartSize();
    }

    public string Id { get; }
    public string Title { get; }
    public string Description { get; }
    public Scale X { get; }
    public Scale Y { get; }
    public ChartSize Size { get; }

    /// <summary>Axis lines, ticks with labels, light grid lines across the plot, and the axis titles.</summary>
    public SvgChart Axes(string? xLabel = null, string? yLabel = null, bool grid = true)
    {
        var (left, top, right, bottom) = (Size.Left, Size.Top, Size.Left + Size.PlotWidth, Size.Top + Size.PlotHeight);
        var xTicks = X.Ticks().Where(t => Inside(X.Fraction(t.Value))).ToList();
        var rotate = X is CategoryScale && (xTicks.Count > 8 || xTicks.Any(t => t.Label.Length > 8));
        foreach (var tick in xTicks)
        {
            var px = PxX(tick.Value);
            if (grid && X is not CategoryScale)
            {
                marks.Append($"<line class=\"grid\" x1=\"{C(px)}\" y1=\"{top}\" x2=\"{C(px)}\" y2=\"{C(bottom)}\"/>\n");
            }

            marks.Append($"<line class=\"axis\" x1=\"{C(px)}\" y1=\"{C(bottom)}\" x2=\"{C(px)}\" y2=\"{C(bottom + 4)}\"/>\n");
            marks.Append(rotate
                ? $"<text class=\"tick\" transform=\"translate({C(px)},{C(bottom + 8)}) rotate(35)\">{SvgText.Escape(SvgText.Shorten(tick.Label, 14))}</text>\n"
                : $"<text class=\"tick\" x=\"{C(px)}\" y=\"{C(bottom + 15)}\" text-anchor=\"middle\">{SvgText.Escape(SvgText.Shorten(tick.Label, 16))}</text>\n");
        }

        var maxChars = Math.Max((Size.Left - 8) / 6, 3);
        foreach (var tick in Y.Ticks().Where(t => Inside(Y.Fraction(t.Value))))
        {
            var py = PxY(tick.Value);
            if (grid && Y is not CategoryScale)
            {
                marks.Append($"<line class=\"grid\" x1=\"{left}\" y1=\"{C(py)}\" x2=\"{C(right)}\" y2=\"{C(py)}\"/>\n");
            }

            marks.Append($"<line class=\"axis\" x1=\"{left - 4}\" y1=\"{C(py)}\" x2=\"{left}\" y2=\"{C(py)}\"/>\n");
            marks.Append($"<text class=\"tick\" x=\"{left - 6}\" y=\"{C(py + 3.5)}\" text-anchor=\"end\">{SvgText.Escape(SvgText.Shorten(tick.Label, maxChars))}</text>\n");
        }

        marks.Append($"<path class=\"axis\" d=\"M{left},{top}V{C(bottom)}H{C(right)}\"/>\n");
        if (!string.IsNullOrEmpty(xLabel))
        {
            marks.Append($"<text class=\"axis-label\" x=\"{C(left + (Size.PlotWidth / 2))}\" y=\"{Size.Height - 4}\" text-anchor=\"middle\">{SvgText.Escape(xLabel)}</text>\n");
        }

        if (!string.IsNullOrEmpty(yLabel))
        {
            marks.Append($"<text class=\"axis-label\" x=\"{left}\" y=\"{Math.Max(Size.Top - 8, 10)}\" text-anchor=\"start\">{SvgText.Escape(yLabel)}</text>\n");
        }

        return this;
    }

    /// <summary>A filled rectangle from (x1, y1) to (x2, y2) in data units: a bar, or a band limited to a row.</summary>
    public SvgChart Bar(double x1, double x2, double y1, double y2, MarkStyle style, string? tooltip = null) =>
        Rect(PxX(x1), PxX(x2), PxY(y1), PxY(y2), "bar", style, tooltip);

    /// <summary>A light, see-through region from (x1, y1) to (x2, y2) in data units (a zone limited to a row or a range).</summary>
    public SvgChart Band(double x1, double x2, double y1, double y2, MarkStyle style, string? tooltip = null) =>
        Rect(PxX(x1), PxX(x2), PxY(y1), PxY(y2), "band", style, tooltip);

    /// <summary>The title as visible text in the top-left corner of the chart (the legend sits at the top right).</summary>
    public SvgChart Heading()
    {
        marks.Append($"<text class=\"chart-title\" x=\"4\" y=\"14\">{SvgText.Escape(Title)}</text>\n");
        return this;
    }

    /// <summary>A band across the whole plot height between two x values (a range of the x axis).</summary>
    public SvgChart BandX(double from, double to, MarkStyle style, string? tooltip = null) =>
        Rect(PxX(from), PxX(to), Size.Top, Size.Top + Size.PlotHeight, "band", style, tooltip);

    /// <summary>A band across the whole plot width between two y values (a range of the y axis).</summary>
    public SvgChart BandY(double from, double to, MarkStyle style, string? tooltip = null) =>
        Rect(Size.Left, Size.Left + Size.PlotWidth, PxY(from), PxY(to), "band", style, tooltip);

    /// <summary>A band between a low and a high line over x (for example a confidence band over time).</summary>
    public SvgChart Area(IReadOnlyList<(double X, double Low, double High)> points, MarkStyle style, string? tooltip = null)
    {
        var placed = points.Select(p => (X: PxX(p.X), Low: PxY(p.Low), High: PxY(p.High)))
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Low) && double.IsFinite(p.High)).ToList();
        if (placed.Count < 2)
        {
            return this;
        }

        var path = string.Join("L", placed.Select(p => $"{C(p.X)},{C(p.High)}").Concat(placed.AsEnumerable().Reverse().Select(p => $"{C(p.X)},{C(p.Low)}")));
        Mark("path", $"d=\"M{path}Z\"", "band", style, tooltip);
        return this;
    }

    /// <summary>A line through the points in order; it breaks where a point cannot be placed.</summary>
    public SvgChart Line(IReadOnlyList<(double X, double Y)> points, MarkStyle style, string? tooltip = null)
    {
        var runs = new List<List<string>> { new() };
        foreach (var (x, y) in points)
        {
            var (px, py) = (PxX(x), PxY(y));
            if (double.IsFinite(px) && double.IsFinite(py))
            {
                runs[^1].Add($"{C(px)},{C(py)}");
            }
            else if (runs[^1].Count > 0)
            {
                runs.Add([]);
            }
        }

        var path = string.Concat(runs.Where(r => r.Count > 0).Select(r => "M" + string.Join("L", r)));
        if (path.Length > 0)
        {
            Mark("path", $"d=\"{path}\"{DashAttribute(style.Dash)}", "line", style, tooltip);
        }

        return this;
    }

    /// <summary>A straight segment between two points in data units (for example a threshold limited to one row).</summary>
    public SvgChart Segment(double x1, double y1, double x2, double y2, MarkStyle style, string? tooltip = null)
    {
        var (a, b, c, d) = (PxX(x1), PxY(y1), PxX(x2), PxY(y2));
        if (Finite(a, b, c, d))
        {
            Mark("line", $"x1=\"{C(a)}\" y1=\"{C(b)}\" x2=\"{C(c)}\" y2=\"{C(d)}\"{DashAttribute(style.Dash)}", "rule", style, tooltip);
        }

        return this;
    }

    /// <summary>An interval from (x1, y1) to (x2, y2) with short caps at both ends (horizontal or vertical).</summary>
    public SvgChart Interval(double x1, double y1, double x2, double y2, MarkStyle style, string? tooltip = null)
    {
        var (a, b, c, d) = (PxX(x1), PxY(y1), PxX(x2), PxY(y2));
        if (!Finite(a, b, c, d))
        {
            return this;
        }

        var horizontal = Math.Abs(d - b) < Math.Abs(c - a) || (a == c && b == d);
        var caps = horizontal
            ? $"M{C(a)},{C(b - 5)}V{C(b + 5)}M{C(c)},{C(d - 5)}V{C(d + 5)}"
            : $"M{C(a - 5)},{C(b)}H{C(a + 5)}M{C(c - 5)},{C(d)}H{C(c + 5)}";
        Mark("path", $"d=\"M{C(a)},{C(b)}L{C(c)},{C(d)}{caps}\"{DashAttribute(style.Dash)}", "whisker", style, tooltip);
        return this;
    }

    /// <summary>A point of the given shape; hollow shapes (<see cref="Shape.Ring"/>) are filled white.</summary>
    public SvgChart Point(double x, double y, Shape shape, Ink ink, string? tooltip = null, double radius = 5)
    {
        var (px, py) = (PxX(x), PxY(y));
        if (!Finite(px, py))
        {
            return this;
        }

        var r = radius;
        var (element, geometry) = shape switch
        {
            Shape.Square => ("rect", $"x=\"{C(px - r)}\" y=\"{C(py - r)}\" width=\"{C(2 * r)}\" height=\"{C(2 * r)}\""),
            Shape.Diamond => ("path", $"d=\"M{C(px)},{C(py - r - 1)}L{C(px + r + 1)},{C(py)}L{C(px)},{C(py + r + 1)}L{C(px - r - 1)},{C(py)}Z\""),
            Shape.Triangle => ("path", $"d=\"M{C(px)},{C(py - r - 1)}L{C(px + r + 1)},{C(py + r)}L{C(px - r - 1)},{C(py + r)}Z\""),
            Shape.Cross => ("path", $"d=\"M{C(px - r)},{C(py - r)}L{C(px + r)},{C(py + r)}M{C(px - r)},{C(py + r)}L{C(px + r)},{C(py - r)}\" stroke-width=\"2.5\""),
            _ => ("circle", $"cx=\"{C(px)}\" cy=\"{C(py)}\" r=\"{C(r)}\""),
        };
        var kind = shape == Shape.Ring ? "point hollow" : "point";
        Mark(element, geometry, kind, new MarkStyle(ink), tooltip);
        return this;
    }

    /// <summary>A line across the whole plot at x (a vertical threshold), with its label at the top.</summary>
    public SvgChart ThresholdX(double x, string label, MarkStyle style)
    {
        var px = PxX(x);
        if (!double.IsFinite(px))
        {
            return this;
        }

        Mark("line", $"x1=\"{C(px)}\" y1=\"{Size.Top}\" x2=\"{C(px)}\" y2=\"{C(Size.Top + Size.PlotHeight)}\"{DashAttribute(style.Dash)}", "rule", style, label);
        var anchor = px > Size.Left + (Size.PlotWidth * 0.75) ? "end" : "start";
        var dx = anchor == "end" ? -3 : 3;
        marks.Append($"<text class=\"mark-label\" x=\"{C(px + dx)}\" y=\"{Size.Top + 10}\" text-anchor=\"{anchor}\">{SvgText.Escape(label)}</text>\n");
        return this;
    }

    /// <summary>A line across the whole plot at y (a horizontal threshold), with its label at the right end.</summary>
    public SvgChart ThresholdY(double y, string label, MarkStyle style)
    {
        var py = PxY(y);
        if (!double.IsFinite(py))
        {
            return this;
        }

        var right = Size.Left + Size.PlotWidth;
        Mark("line", $"x1=\"{Size.Left}\" y1=\"{C(py)}\" x2=\"{C(right)}\" y2=\"{C(py)}\"{DashAttribute(style.Dash)}", "rule", style, label);
        marks.Append($"<text class=\"mark-label\" x=\"{C(right - 3)}\" y=\"{C(py - 4)}\" text-anchor=\"end\">{SvgText.Escape(label)}</text>\n");
        return this;
    }

    /// <summary>Text at a point in data units, moved by (dx, dy) pixels; anchor is start, middle or end.</summary>
    public SvgChart Label(double x, double y, string text, string anchor = "start", double dx = 0, double dy = 0)
    {
        var (px, py) = (PxX(x), PxY(y));
        if (Finite(px, py))
        {
            var a = anchor is "middle" or "end" ? anchor : "start";
            marks.Append($"<text class=\"mark-label\" x=\"{C(px + dx)}\" y=\"{C(py + dy)}\" text-anchor=\"{a}\">{SvgText.Escape(text)}</text>\n");
        }

        return this;
    }

    /// <summary>Legend entries, drawn in a row along the top margin from the right.</summary>
    public SvgChart Legend(params LegendEntry[] entries)
    {
        legend.AddRange(entries);
        foreach (var entry in entries.Where(e => e.Mark == LegendMark.Swatch))
        {
            textures.Add(entry.Style.Texture);
        }

        return this;
    }

    public string ToSvg()
    {
        var b = new StringBuilder();
        b.Append($"<svg class=\"chart\" id=\"{Id}\" role=\"img\" aria-labelledby=\"{Id}-title {Id}-desc\" viewBox=\"0 0 {Size.Width} {Size.Height}\" " +
                 $"width=\"{Size.Width}\" height=\"{Size.Height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        b.Append($"<title id=\"{Id}-title\">{SvgText.Escape(Title)}</title>\n<desc id=\"{Id}-desc\">{SvgText.Escape(Description)}</desc>\n");
        Patterns(b);
        b.Append(marks);
        LegendRow(b);
        b.Append("</svg>\n");
        return b.ToString();
    }

    public override string ToString() => ToSvg();

    private SvgChart Rect(double x1, double x2, double y1, double y2, string kind, MarkStyle style, string? tooltip)
    {
        if (!Finite(x1, x2, y1, y2))
        {
            return this;
        }

        var geometry = $"x=\"{C(Math.Min(x1, x2))}\" y=\"{C(Math.Min(y1, y2))}\" width=\"{C(Math.Abs(x2 - x1))}\" height=\"{C(Math.Abs(y2 - y1))}\"";
        Mark("rect", geometry, kind, style, tooltip);
        if (style.Texture != Texture.Solid)
        {
            textures.Add(style.Texture);
            marks.Append($"<rect class=\"texture-fill\" {geometry} fill=\"url(#{PatternId(style.Texture)})\"/>\n");
        }

        return this;
    }

    private void Mark(string element, string geometry, string kind, MarkStyle style, string? tooltip)
    {
        var cls = $"{kind} ink-{style.Ink.ToString().ToLowerInvariant()}";
        marks.Append(string.IsNullOrEmpty(tooltip)
            ? $"<{element} class=\"{cls}\" {geometry}/>\n"
            : $"<{element} class=\"{cls}\" {geometry}><title>{SvgText.Escape(tooltip)}</title></{element}>\n");
    }

    private void Patterns(StringBuilder b)
    {
        var used = textures.Where(t => t != Texture.Solid).Order().ToList();
        if (used.Count == 0)
        {
            return;
        }

        b.Append("<defs>\n");
        foreach (var texture in used)
        {
            var content = texture switch
            {
                Texture.Hatch => "<path class=\"texture\" d=\"M0,6L6,0M-1,1L1,-1M5,7L7,5\"/>",
                Texture.Dots => "<circle class=\"texture-dot\" cx=\"3\" cy=\"3\" r=\"1.1\"/>",
                _ => "<path class=\"texture\" d=\"M0,3H6M3,0V6\"/>",
            };
            b.Append($"<pattern id=\"{PatternId(texture)}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">{content}</pattern>\n");
        }

        b.Append("</defs>\n");
    }

    private void LegendRow(StringBuilder b)
    {
        if (legend.Count == 0)
        {
            return;
        }

        var x = (double)(Size.Left + Size.PlotWidth);
        var y = Math.Max(Size.Top - 12, 4);
        foreach (var entry in legend.AsEnumerable().Reverse())
        {
            x -= (entry.Text.Length * 5.6) + 8;
            b.Append($"<text class=\"legend\" x=\"{C(x)}\" y=\"{C(y + 8)}\">{SvgText.Escape(entry.Text)}</text>\n");
            x -= 18;
            var ink = $"ink-{entry.Style.Ink.ToString().ToLowerInvariant()}";
            switch (entry.Mark)
            {
                case LegendMark.Line:
                    b.Append($"<line class=\"rule {ink}\" x1=\"{C(x)}\" y1=\"{C(y + 4)}\" x2=\"{C(x + 14)}\" y2=\"{C(y + 4)}\"{DashAttribute(entry.Style.Dash)}/>\n");
                    break;
                case LegendMark.Point:
                    var hollow = entry.Shape == Shape.Ring ? " hollow" : "";
                    b.Append($"<circle class=\"point{hollow} {ink}\" cx=\"{C(x + 7)}\" cy=\"{C(y + 4)}\" r=\"4\"/>\n");
                    break;
                default:
                    b.Append($"<rect class=\"bar {ink}\" x=\"{C(x)}\" y=\"{C(y)}\" width=\"14\" height=\"9\"/>\n");
                    if (entry.Style.Texture != Texture.Solid)
                    {
                        b.Append($"<rect class=\"texture-fill\" x=\"{C(x)}\" y=\"{C(y)}\" width=\"14\" height=\"9\" fill=\"url(#{PatternId(entry.Style.Texture)})\"/>\n");
                    }

                    break;
            }

            x -= 6;
        }
    }

    private string PatternId(Texture texture) => $"{Id}-{texture.ToString().ToLowerInvariant()}";

    private static string DashAttribute(Dash dash) => dash switch
    {
        Dash.Dashed => " stroke-dasharray=\"6 4\"",
        Dash.Dotted => " stroke-dasharray=\"2 3\"",
        Dash.DashDot => " stroke-dasharray=\"8 3 2 3\"",
        _ => "",
    };

    private double PxX(double value) => Size.Left + (Clamp(X.Fraction(value)) * Size.PlotWidth);

    private double PxY(double value) => Size.Top + ((1 - Clamp(Y.Fraction(value))) * Size.PlotHeight);

    private static double Clamp(double fraction) => double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : double.NaN;

    private static bool Inside(double fraction) => double.IsFinite(fraction) && fraction >= -1e-9 && fraction <= 1 + 1e-9;

    private static bool Finite(params double[] values) => values.All(double.IsFinite);

    private static string C(double value) => SvgText.Coordinate(value);
}
