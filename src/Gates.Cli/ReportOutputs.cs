using Gates.Cli.Comments;
using Gates.Cli.Hosts;
using Gates.Cli.Metrics;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Cli;

/// <summary>
/// Sends a finished report where it belongs: the gate report file, the --markdown and --html side files, the chosen
/// format on stdout or --output, the host's own channels, the sticky pull-request comment and the metrics
/// (--metrics-file, --push-metrics; a push that fails after retries is exit 3). Returns the exit code,
/// chosen by <see cref="ExitCodes.For(RunOutcome, CommonSettings)"/> from the run's outcome (by default the report's
/// verdict) and what happened to the comment. Usually called through <see cref="GateRun.PublishAsync"/>.
/// </summary>
public static class ReportOutputs
{
    public static async Task<int> PublishAsync(GateReport report, CommonSettings settings, GateEnvironment env, PublishOptions? options,
        CancellationToken ct, RunOutcome? outcome = null)
    {
        options ??= PublishOptions.Default;
        outcome ??= RunOutcome.Of(report);
        var markdown = options.MarkdownOrDefault;
        var passed = ExitCodes.For(outcome, settings) == ExitCodes.Passed;
        if (settings.ReportJson is { } reportPath)
        {
            AtomicFile.Write(reportPath, Render(report, "json"));
        }

        if (settings.Markdown is { } markdownPath)
        {
            AtomicFile.Write(markdownPath, markdown(true).RenderToString(report));
        }

        if (settings.Html is { } htmlPath)
        {
            AtomicFile.Write(htmlPath, (options.Html ?? new HtmlRenderer()).RenderToString(report));
        }

        var chosen = settings.Format == "markdown" ? markdown(true) : ReportRenderers.For(settings.Format);
        if (settings.Output is { } output)
        {
            AtomicFile.Write(output, chosen.RenderToString(report));
            ReportRenderers.For("text").Render(report, env.Out);
        }
        else
        {
            chosen.Render(report, env.Out);
        }

        var host = HostDetector.Detect(env.Variables, settings.Ci);
        var hostSettings = new HostPublishSettings
        {
            ReportJsonPath = settings.ReportJson,
            OutputsDir = settings.OutputsDir,
            Passed = passed,
            WorkingDirectory = env.WorkingDirectory,
            Markdown = options.Markdown,
        };
        HostPublisher.Publish(report, host, hostSettings, env.Variables, env.Error);

        var comment = await CommentStep.RunAsync(report, settings, env, host, options, ct);
        await MetricsPublisher.PublishAsync(report, settings, env, options.Http, ct);
        return ExitCodes.For(outcome with { Comment = comment }, settings);
    }

    public static string Render(GateReport report, string format)
    {
        var writer = new StringWriter();
        ReportRenderers.For(format).Render(report, writer);
        return writer.ToString();
    }
}
