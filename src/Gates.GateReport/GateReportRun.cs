using Gates.Cli;
using Gates.Cli.Comments;
using Gates.Cli.Hosts;
using Gates.Core.Reporting;
using Gates.GateReport.Evidence;

namespace Gates.GateReport;

/// <summary>One gate-report run: read the reports, merge, write the evidence; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class GateReportRun
{
    public static async Task<int> ExecuteAsync(GateReportSettings settings, GateEnvironment env, CancellationToken ct, PublishOptions? options = null)
    {
        var run = GateRun.Start(GateReportCommand.Name, typeof(GateReportRun).Assembly, settings.Common, env);
        var reports = ReportLoader.Load(settings.Reports, env.WorkingDirectory);
        var files = NamedFile.From(reports, env.WorkingDirectory);
        var ci = CiRun.From(env);

        var merged = ReportMerger.Merge(reports, new MergeContext
        {
            Tool = run.Tool,
            StartedAt = run.StartedAt,
            DurationSeconds = run.Elapsed.TotalSeconds,
            Model = settings.Common.SubjectModel,
            Version = settings.Common.SubjectVersion,
            Commit = ci.Commit,
            RunUrl = ci.RunUrl,
            Advisory = settings.Advisory,
            Warnings = [.. AdvisoryTools.Unmatched(settings.Advisory, reports), .. files.Where(f => f.OnDisk == "changed").Select(f =>
                $"{f.Path} changed since {string.Join(", ", f.NamedBy)} read it (its sha256 differs from the one recorded)")],
        });

        if (settings.Evidence is { } evidence)
        {
            var host = HostDetector.Detect(env.Variables, settings.Common.Ci).ToString().ToLowerInvariant();
            var bundle = EvidenceBundle.Build(merged, reports, files, ci, host, env.Time.GetUtcNow());
            AtomicFile.Write(evidence, EvidenceBundle.Render(bundle));
            run.Say($"wrote the evidence bundle to {evidence}");
        }

        options ??= PublishOptions.Default;
        var html = new HtmlRenderer(_ => Html.GateReportHtml.Sections(reports, ci.RunUrl));
        return await run.PublishAsync(merged, ct, options with { Markdown = details => new PromotionMarkdown(details), Html = html });
    }
}
