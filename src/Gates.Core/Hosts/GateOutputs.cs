using Gates.Core.Results;

namespace Gates.Core.Hosts;

/// <summary>
/// The values every host publishes, by name: <c>verdict</c> (pass, warn, inconclusive, fail), <c>passed</c>
/// (true when the exit code is 0) and <c>report-json</c> (the report path, when one was written).
/// </summary>
public static class GateOutputs
{
    public const string Verdict = "verdict";
    public const string Passed = "passed";
    public const string ReportJson = "report-json";

    public static IReadOnlyList<KeyValuePair<string, string>> For(GateReport report, bool passed, string? reportJsonPath)
    {
        var outputs = new List<KeyValuePair<string, string>>
        {
            new(Verdict, report.Verdict.ToWord()),
            new(Passed, passed ? "true" : "false"),
        };
        if (!string.IsNullOrEmpty(reportJsonPath))
        {
            outputs.Add(new(ReportJson, reportJsonPath));
        }

        return outputs;
    }
}
