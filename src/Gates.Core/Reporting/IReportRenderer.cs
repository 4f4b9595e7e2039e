using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>
/// Turns a whole <see cref="GateReport"/> into one output format. Renderers are pure: they read nothing but the
/// report and write nothing but the writer. Where the text goes (stdout, a file, a CI host) is decided elsewhere.
/// </summary>
public interface IReportRenderer
{
    /// <summary>The <c>--format</c> value that selects this renderer: text, markdown, json or junit.</summary>
    string Format { get; }

    void Render(GateReport report, TextWriter writer);
}
