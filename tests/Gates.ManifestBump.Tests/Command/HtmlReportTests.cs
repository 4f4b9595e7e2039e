using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.ManifestBump.Tests.Command;

/// <summary>manifest-bump's --html page (no chart): what changed, every value before and after, the diff; self-contained and valid.</summary>
public class HtmlReportTests
{
    [Fact]
    public async Task The_page_shows_the_versions_and_every_value_before_and_after()
    {
        using var repo = new TempFolder();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Of("samples", "manifests"), "*.yaml", SearchOption.AllDirectories))
        {
            repo.Write(Path.GetRelativePath(RepositoryPaths.Of("samples", "manifests"), file), File.ReadAllText(file));
        }

        var run = await ToolRunner.RunAsync(repo.Path, null, "--config", "manifest-bump.yaml", "--model-version", "13", "--repo-root", ".",
            "--dry-run", "--html", "bump.html");
        run.ExitCode.ShouldBe(0, run.Stderr);

        NodeTools.HtmlValidate(repo.Path, "bump.html").ShouldExit(0);
        var (dom, titles) = HtmlReportChecks.RenderSelfContained(repo.File("bump.html"));
        titles.ShouldBeEmpty();
        dom.ShouldContain("<h2>What changed</h2>");
        dom.ShouldContain("<th>Before</th><th>After</th>");
        dom.ShouldContain("s3://models/fraud/v13");
        dom.ShouldContain("<h2>Diff</h2>");
    }
}
