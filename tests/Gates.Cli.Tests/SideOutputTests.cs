using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.Cli.Tests;

public class SideOutputTests
{
    private static GateReport Report() => new()
    {
        Tool = new ToolInfo("eval-gate", "1.0.0"),
        Verdict = Verdict.Fail,
        Summary = "1 of 1 gates failed",
        StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 1,
        Checks = [new CheckResult { Name = "accuracy", Observed = 0.7, Comparison = Comparison.Gte, Threshold = 0.8, Verdict = Verdict.Fail, Reason = "0.7 < 0.8" }],
    };

    [Fact]
    public async Task Markdown_and_html_side_files_are_written_with_the_tools_renderers()
    {
        var folder = Directory.CreateTempSubdirectory("gates-side-").FullName;
        try
        {
            var (env, _, _) = TestEnvironment.Create(folder);
            var settings = new CommonSettings
            {
                Markdown = Path.Combine(folder, "report.md"),
                Html = Path.Combine(folder, "report.html"),
                Ci = "none",
                PrComment = PrCommentMode.Off,
            };

            var code = await ReportOutputs.PublishAsync(Report(), settings, env, new PublishOptions { Markdown = details => new MarkdownRenderer(details) }, CancellationToken.None);

            code.ShouldBe(ExitCodes.GateFailed);
            File.ReadAllText(settings.Markdown).ShouldBe(new MarkdownRenderer(true).RenderToString(Report()));
            File.ReadAllText(settings.Html).ShouldBe(new HtmlRenderer().RenderToString(Report()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_tool_html_renderer_replaces_the_generic_page()
    {
        var folder = Directory.CreateTempSubdirectory("gates-side-").FullName;
        try
        {
            var (env, _, _) = TestEnvironment.Create(folder);
            var settings = new CommonSettings { Html = Path.Combine(folder, "r.html"), Ci = "none", PrComment = PrCommentMode.Off };

            await ReportOutputs.PublishAsync(Report(), settings, env, new PublishOptions { Html = new JsonRenderer() }, CancellationToken.None);

            File.ReadAllText(settings.Html).ShouldBe(new JsonRenderer().RenderToString(Report()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
