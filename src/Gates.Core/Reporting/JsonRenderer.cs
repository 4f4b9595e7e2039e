using Gates.Core.Results;

namespace Gates.Core.Reporting;

/// <summary>The gate report as JSON (<c>--format json</c>, <c>--report-json</c>); see <see cref="GateReportJson"/>.</summary>
public sealed class JsonRenderer : IReportRenderer
{
    public string Format => "json";

    public void Render(GateReport report, TextWriter writer) => writer.WriteLine(GateReportJson.Serialize(report));
}
