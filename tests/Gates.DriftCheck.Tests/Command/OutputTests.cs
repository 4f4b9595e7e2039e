using System.Text.Json.Nodes;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Command;

public class OutputTests
{
    [Fact]
    public void The_markdown_table_has_a_row_per_column_with_method_statistic_threshold_counts_status_and_change()
    {
        using var h = new DriftCheckHarness();
        var markdown = h.Folder.File("drift.md");

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"),
            "-t", DriftCheckHarness.Sample("thresholds.yaml"), "--markdown", markdown);

        Approvals.Verify(File.ReadAllText(markdown), "sample-drift", "md");
    }

    [Fact]
    public void The_html_report_is_self_contained_with_an_overview_and_a_chart_per_compared_column()
    {
        using var h = new DriftCheckHarness();
        var html = h.Folder.File("drift.html");

        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"), "--html", html);

        var text = File.ReadAllText(html);
        text.ShouldStartWith("<!DOCTYPE html>");
        System.Text.RegularExpressions.Regex.Matches(text, "<svg class=\"chart\"").Count.ShouldBe(10, "the dataset overview and 9 columns");
        text.ShouldNotContain("<script");
        text.ShouldNotContain("http", Case.Insensitive);
        text.ShouldNotContain("<link");
        text.ShouldNotContain("src=");
    }

    [Fact]
    public void A_profile_replaces_the_reference_and_gives_the_same_verdicts()
    {
        using var h = new DriftCheckHarness();
        var profile = h.Folder.File("ref.profile.json");

        var made = h.Run("profile", "--reference", DriftCheckHarness.Sample("reference.csv"), "--save-profile", profile).ShouldExit(0);
        made.Stdout.ShouldContain("profiled 2,000 rows and 10 columns");
        var first = File.ReadAllBytes(profile);
        h.Run("profile", "--reference", DriftCheckHarness.Sample("reference.csv"), "--save-profile", profile).ShouldExit(0);
        File.ReadAllBytes(profile).ShouldBe(first);
        first.Length.ShouldBeLessThan(200_000);

        var fromData = h.Folder.File("a.json");
        var fromProfile = h.Folder.File("b.json");
        var thresholds = DriftCheckHarness.Sample("thresholds.yaml");
        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"), "-t", thresholds, "--report-json", fromData).ShouldExit(1);
        h.Run("--reference", profile, "--current", DriftCheckHarness.Sample("current-drift.csv"), "-t", thresholds, "--report-json", fromProfile).ShouldExit(1);
        Verdicts(fromProfile).ShouldBe(Verdicts(fromData));
        var report = JsonNode.Parse(File.ReadAllText(fromProfile))!;
        report["details"]!["drift-check"]!["reference"]!["format"]!.GetValue<string>().ShouldBe("profile");
        report["details"]!["drift-check"]!["reference"]!["profileOf"]!["name"]!.GetValue<string>().ShouldBe("reference.csv");
    }

    [Fact]
    public void Profiles_of_two_halves_merged_with_merge_and_out_give_the_verdicts_of_the_whole()
    {
        using var h = new DriftCheckHarness();
        var lines = File.ReadAllLines(DriftCheckHarness.Sample("reference.csv"));
        var half = (lines.Length - 1) / 2;
        var first = h.Folder.Write("first.csv", string.Join("\n", lines.Take(half + 1)) + "\n");
        var second = h.Folder.Write("second.csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(half + 1))) + "\n");
        var thresholds = DriftCheckHarness.Sample("thresholds.yaml");
        foreach (var part in new[] { first, second })
        {
            h.Run("profile", "--reference", part, "-t", thresholds, "--exact-values", "100000", "--save-profile", part + ".profile.json").ShouldExit(0);
        }

        var merged = h.Folder.File("merged.json");
        h.Run("profile", "--merge", second + ".profile.json", first + ".profile.json", "--out", merged).ShouldExit(0)
            .Stdout.ShouldContain("merged 2,000 rows and 10 columns");

        var fromData = h.Folder.File("a.json");
        var fromMerged = h.Folder.File("b.json");
        h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"), "-t", thresholds, "--report-json", fromData).ShouldExit(1);
        h.Run("--reference", merged, "--current", DriftCheckHarness.Sample("current-drift.csv"), "-t", thresholds, "--report-json", fromMerged).ShouldExit(1);
        Verdicts(fromMerged).ShouldBe(Verdicts(fromData));
    }

    [Fact]
    public void Merge_and_reference_together_are_a_usage_error()
    {
        using var h = new DriftCheckHarness();
        h.Run("profile", "--reference", DriftCheckHarness.Sample("reference.csv"), "--merge", "a.json", "--out", h.Folder.File("m.json"))
            .ShouldExit(2).Stderr.ShouldContain("--merge");
    }

    private static Dictionary<string, string> Verdicts(string reportPath) =>
        JsonNode.Parse(File.ReadAllText(reportPath))!["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["verdict"]!.GetValue<string>());
}

public class HostOutputTests
{
    [Fact]
    public void The_step_summary_and_format_markdown_carry_the_per_column_table()
    {
        using var h = new DriftCheckHarness();
        var summary = h.Folder.Write("summary.md", "");
        h.Variables["GATES_CI"] = "github";
        h.Variables["GITHUB_ACTIONS"] = "true";
        h.Variables["GITHUB_STEP_SUMMARY"] = summary;

        var run = h.Run("--reference", DriftCheckHarness.Sample("reference.csv"), "--current", DriftCheckHarness.Sample("current-drift.csv"),
            "-t", DriftCheckHarness.Sample("thresholds.yaml"), "--format", "markdown", "--pr-comment", "off").ShouldExit(1);

        const string header = "| Column | Type | Method | Statistic | Threshold | p-value | n ref / cur | Status | Change |";
        run.Stdout.ShouldContain(header);
        run.Stdout.ShouldContain("| country (critical) | categorical | jensen-shannon + chi-square |");
        File.ReadAllText(summary).ShouldContain(header);
    }
}
