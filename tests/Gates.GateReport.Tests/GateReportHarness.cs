using Gates.Cli;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.Testing;
using Gates.Testing.Tools;
using Microsoft.Extensions.Time.Testing;

namespace Gates.GateReport.Tests;

/// <summary>Runs gate-report in-process through the same entry point as the installed tool, in a temp folder.</summary>
internal sealed class GateReportHarness : ToolHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public GateReportHarness()
        : base(GateReportCommand.Create, GateReportCommand.Name)
    {
        Time = Clock;
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public static Core.Results.GateReport Report(string tool, Verdict verdict, string? thresholds = "thresholds/quality.yaml", string input = "out/results.json",
        string model = "support-bot", string version = "1.2") => new()
    {
        Tool = new ToolInfo(tool, "0.1.0"),
        Subject = new Subject { Model = model, Version = version, Commit = "3f2c9a1e" },
        Verdict = verdict,
        Summary = verdict == Verdict.Pass ? "All checks passed." : $"{verdict}: hallucination.",
        StartedAt = new DateTimeOffset(2026, 11, 22, 11, 0, 0, TimeSpan.Zero),
        DurationSeconds = 2,
        Inputs = [new InputFile("results", input, new string('a', 64))],
        Thresholds = thresholds is null ? null : new InputFile("thresholds", thresholds, new string('b', 64)),
        Checks =
        [
            new CheckResult { Name = "groundedness", Observed = 0.91, Comparison = Comparison.Gte, Threshold = 0.85, Verdict = Verdict.Pass, Reason = "ok" },
            new CheckResult { Name = "hallucination", Observed = 0.11, Comparison = Comparison.Lte, Threshold = 0.08, Verdict = verdict, Reason = "decides" },
        ],
    };

    public string Write(string name, Core.Results.GateReport report) => Folder.Write(name, GateReportJson.Serialize(report));
}
