using System.Text.Json.Nodes;
using Gates.Core.Reporting;
using Gates.Core.Results;
using Gates.Testing;

namespace Gates.Core.Tests.Reporting;

public sealed class JsonRendererTests
{
    private readonly JsonRenderer sut = new();

    [Fact]
    public void Render_realistic_report_matches_approved() =>
        Approvals.Verify(sut.RenderToString(SampleReports.Realistic()), "json-realistic", "json");

    [Fact]
    public void Render_minimal_report_leaves_out_nulls_and_writes_enums_as_words()
    {
        var json = JsonNode.Parse(sut.RenderToString(SampleReports.Minimal()))!.AsObject();

        json.Select(p => p.Key).ShouldBe(
            ["schemaVersion", "tool", "subject", "verdict", "summary", "startedAt", "durationSeconds", "inputs", "checks", "warnings"]);
        json["verdict"]!.GetValue<string>().ShouldBe("pass");
        json["subject"]!.AsObject().Count.ShouldBe(0);
        json["checks"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["name", "verdict", "reason", "required", "borderline"]);
    }

    [Fact]
    public void Render_interval_writes_only_its_data()
    {
        var json = JsonNode.Parse(sut.RenderToString(SampleReports.Realistic()))!;

        json["checks"]![0]!["interval"]!.AsObject().Select(p => p.Key).ShouldBe(["low", "high", "level"]);
        json["checks"]![0]!["comparison"]!.GetValue<string>().ShouldBe("gte");
        json["checks"]![2]!["verdict"]!.GetValue<string>().ShouldBe("inconclusive");
    }

    [Fact]
    public void Parse_rendered_report_reads_back_the_same_report()
    {
        var original = SampleReports.Realistic();
        var text = sut.RenderToString(original);

        var parsed = GateReportJson.Parse(text, "report.json");

        sut.RenderToString(parsed).ShouldBe(text);
        parsed.Checks[5].Name.ShouldBe(SampleReports.HostileName);
        parsed.Checks[2].Interval.ShouldBe(new Interval(0.0137, 0.0319, 0.95));
        parsed.StartedAt.ShouldBe(original.StartedAt);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"tool": {"name": "x", "version": "1"}}""", "no schemaVersion")]
    [InlineData("""{"schemaVersion": "1"}""", "schemaVersion must be a whole number")]
    [InlineData("""{"schemaVersion": 2}""", "schemaVersion 2 is not supported")]
    [InlineData("""{"schemaVersion": 1, "tool": {"name": "x", "version": "1"}}""", "not a valid gate report")]
    public void Parse_bad_input_throws_input_error_naming_the_source(string json, string expected)
    {
        var error = Should.Throw<GateInputException>(() => GateReportJson.Parse(json, "reports/eval.json"));

        error.Message.ShouldStartWith("reports/eval.json: ");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("\"verdict\": \"pass\"", "\"verdict\": \"maybe\"")]
    [InlineData("\"verdict\": \"pass\"", "\"verdict\": 0")]
    [InlineData("\"durationSeconds\": 0", "\"durationSeconds\": \"soon\"")]
    [InlineData("\"reason\": \"no column drifted\"", "\"reason\": null")]
    public void Parse_wrong_field_value_throws_input_error(string field, string replacement)
    {
        var json = sut.RenderToString(SampleReports.Minimal());
        json.ShouldContain(field);

        Should.Throw<GateInputException>(() => GateReportJson.Parse(json.Replace(field, replacement), "r.json"))
            .Message.ShouldContain("not a valid gate report");
    }

    [Fact]
    public void Parse_unknown_field_is_ignored_for_forward_compatibility()
    {
        var json = sut.RenderToString(SampleReports.Minimal()).Replace("\"summary\"", "\"addedLater\": 1, \"summary\"");

        GateReportJson.Parse(json, "r.json").Tool.Name.ShouldBe("drift-check");
    }
}
