namespace Gates.Core.Reporting;

/// <summary>The renderers behind <c>--format</c>.</summary>
public static class ReportRenderers
{
    public static IReadOnlyList<IReportRenderer> All { get; } =
        [new TextRenderer(), new MarkdownRenderer(), new JsonRenderer(), new JUnitRenderer()];

    public static IReadOnlyList<string> Formats { get; } = All.Select(r => r.Format).ToList();

    /// <summary>The renderer for <paramref name="format"/> (case-insensitive); an unknown format is a usage error.</summary>
    public static IReportRenderer For(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new GateInputException($"--format: unknown format '{format}'; expected {string.Join(", ", Formats)}");

    /// <summary>Renders to a string; handy for files and tests.</summary>
    public static string RenderToString(this IReportRenderer renderer, Results.GateReport report)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        renderer.Render(report, writer);
        return writer.ToString();
    }
}
