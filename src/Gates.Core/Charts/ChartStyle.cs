namespace Gates.Core.Charts;

/// <summary>The colour of a mark, as a CSS class (see <see cref="ChartCss"/>); never the only thing that tells marks apart.</summary>
public enum Ink
{
    Primary,
    Secondary,
    Muted,
    Pass,
    Warn,
    Fail,
}

/// <summary>A fill pattern laid over a bar or band's colour, so bars read without colour.</summary>
public enum Texture
{
    Solid,
    Hatch,
    Dots,
    Cross,
}

/// <summary>The stroke of a line.</summary>
public enum Dash
{
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

/// <summary>The shape of a point.</summary>
public enum Shape
{
    Circle,
    Square,
    Diamond,
    Triangle,
    Cross,
    Ring,
}

/// <summary>How a mark looks: colour, pattern (bars, bands) and dash (lines).</summary>
public readonly record struct MarkStyle(Ink Ink, Texture Texture = Texture.Solid, Dash Dash = Dash.Solid);
