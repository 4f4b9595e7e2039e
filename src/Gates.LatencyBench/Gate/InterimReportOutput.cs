using System.Text.Json;
using System.Text.Json.Serialization;
using Gates.Cli;
using Gates.Core.Results;

namespace Gates.LatencyBench.Gate;

/// <summary>
/// TEMPORARY stand-in for Gates.Cli.ReportOutputs.Publish until the shared renderers reach this branch: prints the
/// checks as plain text, writes --report-json, and maps the verdict to the exit code. No host integration.
/// </summary>
internal static class InterimReportOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Publish(GateReport report, CommonSettings settings, GateEnvironment env)
    {
        if (settings.ReportJson is { } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(report, Json) + "\n");
        }

        env.Out.WriteLine($"{report.Tool.Name}: {report.Verdict.ToWord().ToUpperInvariant()} ({report.Summary})");
        foreach (var check in report.Checks)
        {
            env.Out.WriteLine($"  [{check.Verdict.ToWord()}] {check.Name}: {check.Reason}");
        }

        foreach (var warning in report.Warnings)
        {
            env.Out.WriteLine($"  warning: {warning}");
        }

        return ExitCodes.For(report.Verdict, settings.FailOn, settings.OnInconclusive);
    }
}
