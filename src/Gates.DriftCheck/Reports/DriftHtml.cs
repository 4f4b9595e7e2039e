using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.DriftCheck.Analysis;

namespace Gates.DriftCheck.Reports;

/// <summary>drift-check's HTML report (<see cref="HtmlReport"/>, a chart per column) as the renderer for <c>--html</c>.</summary>
internal sealed class DriftHtml(DriftResult result) : IReportRenderer
{
    public string Format => "html";

    public void Render(GateReport report, TextWriter writer) => writer.Write(HtmlReport.Render(report, result));
}
