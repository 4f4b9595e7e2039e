using Gates.Cli.Hosts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Cli;

/// <summary>
/// Sends a finished report where it belongs: the gate report file, the chosen format on stdout or --output,
/// and the host's own channels. Returns the exit code under --fail-on and --on-inconclusive.
/// </summary>
public static class ReportOutputs
{
    public static int Publish(GateReport report, CommonSettings settings, GateEnvironment env)
    {
        var exitCode = ExitCodes.For(report.Verdict, settings.FailOn, settings.OnInconclusive);
        if (settings.ReportJson is { } reportPath)
        {
            AtomicFile.Write(reportPath, Render(report, "json"));
        }

        if (settings.Output is { } output)
        {
            AtomicFile.Write(output, Render(report, settings.Format));
            ReportRenderers.For("text").Render(report, env.Out);
        }
        else
        {
            ReportRenderers.For(settings.Format).Render(report, env.Out);
        }

        var host = HostDetector.Detect(env.Variables, settings.Ci);
        var hostSettings = new HostPublishSettings
        {
            ReportJsonPath = settings.ReportJson,
            OutputsDir = settings.OutputsDir,
            Passed = exitCode == ExitCodes.Passed,
            WorkingDirectory = env.WorkingDirectory,
        };
        HostPublisher.Publish(report, host, hostSettings, env.Variables, env.Error);
        return exitCode;
    }

    public static string Render(GateReport report, string format)
    {
        var writer = new StringWriter();
        ReportRenderers.For(format).Render(report, writer);
        return writer.ToString();
    }
}
