using Gates.Core;
using Gates.Testing;

namespace Gates.GateReport.Tests;

public class GlobTests
{
    [Fact]
    public void Stars_stay_in_one_folder_double_stars_cross_folders_and_matches_are_sorted()
    {
        using var folder = new TempFolder();
        foreach (var file in new[] { "r/b.json", "r/a.json", "r/x.txt", "r/deep/c.json", "g/one/report.json", "g/report.json", "g/two/three/report.json" })
        {
            folder.Write(file, "{}");
        }

        Names(ReportGlob.Expand("r/*.json", folder.Path), folder).ShouldBe(["r/a.json", "r/b.json"]);
        Names(ReportGlob.Expand("r/?.json", folder.Path), folder).ShouldBe(["r/a.json", "r/b.json"]);
        Names(ReportGlob.Expand("g/**/report.json", folder.Path), folder).ShouldBe(["g/one/report.json", "g/report.json", "g/two/three/report.json"]);
        Names(ReportGlob.Expand("r/**", folder.Path), folder).ShouldBe(["r/a.json", "r/b.json", "r/deep/c.json", "r/x.txt"]);
        Names(ReportGlob.Expand(folder.File("r") + "/*.json", "/"), folder).ShouldBe(["r/a.json", "r/b.json"]);
    }

    [Fact]
    public void Patterns_that_match_nothing_and_missing_paths_are_input_errors()
    {
        using var folder = new TempFolder();

        Should.Throw<GateInputException>(() => ReportGlob.Expand("nowhere/*.json", folder.Path)).Message.ShouldContain("matched no file");
        Should.Throw<GateInputException>(() => ReportGlob.Expand("a.json", folder.Path)).Message.ShouldContain("a.json: no such file");
    }

    private static IEnumerable<string> Names(IReadOnlyList<string> paths, TempFolder folder) =>
        paths.Select(p => Path.GetRelativePath(folder.Path, p).Replace('\\', '/'));
}
