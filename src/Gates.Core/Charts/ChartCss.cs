namespace Gates.Core.Charts;

/// <summary>The inline CSS every page with <see cref="SvgChart"/> charts includes once (colours of the inks, axes, text).</summary>
public static class ChartCss
{
    public const string Style =
        "svg.chart{display:block;max-width:100%;height:auto;margin:.5rem 0;font:11px system-ui,sans-serif}\n" +
        "svg.chart .axis{stroke:#6e7781;fill:none}svg.chart .grid{stroke:#eaeef2;fill:none}\n" +
        "svg.chart text{fill:#424a53}svg.chart text.axis-label{fill:#24292f;font-weight:600}svg.chart text.mark-label{font-size:10px}\n" +
        "svg.chart .line{fill:none;stroke-width:2}svg.chart .rule{fill:none;stroke-width:1.5}svg.chart .whisker{fill:none;stroke-width:2}\n" +
        "svg.chart .texture-fill{pointer-events:none}svg.chart .texture{fill:none;stroke:#000;stroke-opacity:.4}svg.chart .texture-dot{fill:#000;fill-opacity:.45}svg.chart .band+.texture-fill{opacity:.6}\n" +
        "svg.chart .band{fill-opacity:.16}svg.chart text.chart-title{font-size:13px;font-weight:600;fill:#1f2328}svg.chart .point{stroke-width:1.5}svg.chart .hollow{fill:#fff}\n" +
        ".ink-primary{fill:#0969da;stroke:#0969da}.ink-secondary{fill:#8c959f;stroke:#6e7781}.ink-muted{fill:#d0d7de;stroke:#8c959f}\n" +
        ".ink-pass{fill:#1a7f37;stroke:#1a7f37}.ink-warn{fill:#bf8700;stroke:#9a6700}.ink-fail{fill:#cf222e;stroke:#cf222e}\n" +
        ".legend-swatch{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle}\n";
}
