using System.Text;

namespace Gates.Core.Reporting.Mermaid;

/// <summary>One series of an <see cref="XyChart"/>: a line or bars, one value per x category.</summary>
public sealed record XySeries(string Name, IReadOnlyList<double> Values, bool Bars = false);

/// <summary>
/// A mermaid <c>xychart-beta</c> in a <c>```mermaid</c> fence, the chart GitHub and GitLab (mermaid 10.5 and later)
/// draw from Markdown. The x axis is categorical (one label per point), the y axis linear. Mermaid draws no legend,
/// so <see cref="Caption"/> names the series in order under the chart, and is the text alternative. Every label
/// goes through <see cref="MermaidText"/>; at most <see cref="MaxPoints"/> points are kept (evenly thinned, first and
/// last kept) so a chart stays a few hundred characters whatever the run. The y axis gets no explicit range (mermaid
/// fits it to the data), so the block never holds "--&gt;", which could close an HTML comment such as the sticky
/// comment's marker.
/// </summary>
public sealed record XyChart
{
    public const int MaxPoints = 24;

    public required string Title { get; init; }
    public required IReadOnlyList<string> XLabels { get; init; }
    public string? XTitle { get; init; }
    public required string YTitle { get; init; }
    public required IReadOnlyList<XySeries> Series { get; init; }
    /// <summary>What the chart shows in words (series in order, marks, decision); written in italics under it.</summary>
    public string? Caption { get; init; }

    /// <summary>The fenced block, caption included, ending with a newline.</summary>
    public string ToMarkdown()
    {
        var keep = Thinned(XLabels.Count);
        if (keep.Count == 0 || Series.Count == 0 || Series.Any(s => s.Values.Count != XLabels.Count))
        {
            throw new ArgumentException("every series needs one value per x label, and a chart at least one point");
        }

        var b = new StringBuilder();
        b.Append("```mermaid\nxychart-beta\n");
        b.Append("    title ").Append(MermaidText.Label(Title)).Append('\n');
        b.Append("    x-axis ");
        if (XTitle is not null)
        {
            b.Append(MermaidText.Label(XTitle)).Append(' ');
        }

        b.Append('[').Append(string.Join(", ", keep.Select(i => MermaidText.Label(XLabels[i])))).Append("]\n");
        b.Append("    y-axis ").Append(MermaidText.Label(YTitle)).Append('\n');
        foreach (var series in Series)
        {
            b.Append("    ").Append(series.Bars ? "bar " : "line ").Append(MermaidText.Label(series.Name)).Append(" [")
                .Append(string.Join(", ", keep.Select(i => MermaidText.Number(series.Values[i])))).Append("]\n");
        }

        b.Append("```\n");
        if (Caption is { Length: > 0 } caption)
        {
            b.Append('\n').Append('*').Append(MarkdownText.Escape(caption)).Append("*\n");
        }

        return b.ToString();
    }

    /// <summary>The indices kept: all up to <see cref="MaxPoints"/>, else evenly spread with the first and last.</summary>
    public static IReadOnlyList<int> Thinned(int count)
    {
        if (count <= MaxPoints)
        {
            return [.. Enumerable.Range(0, count)];
        }

        return [.. Enumerable.Range(0, MaxPoints).Select(k => (int)Math.Round(k * (count - 1) / (double)(MaxPoints - 1))).Distinct()];
    }
}
