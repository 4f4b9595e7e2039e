using System.Text.Json.Nodes;
using Gates.Core.Reporting;
using Gates.Testing;
using NJsonSchema;

namespace Gates.Core.Tests.Reporting;

/// <summary>docs/schemas/gate-report.schema.json describes exactly what the JSON renderer writes.</summary>
public sealed class GateReportSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.Of("docs", "schemas", "gate-report.schema.json")).GetAwaiter().GetResult());

    [Fact]
    public void RealisticReport_is_valid() =>
        Errors(new JsonRenderer().RenderToString(SampleReports.Realistic())).ShouldBeEmpty();

    [Fact]
    public void MinimalReport_is_valid() =>
        Errors(new JsonRenderer().RenderToString(SampleReports.Minimal())).ShouldBeEmpty();

    [Theory]
    [InlineData("verdict", "\"maybe\"")]
    [InlineData("schemaVersion", "2")]
    [InlineData("durationSeconds", "-1")]
    [InlineData("startedAt", "\"yesterday\"")]
    [InlineData("halfWidth", "0.1")]
    public void BrokenTopLevelField_is_invalid(string field, string json)
    {
        var report = Rendered();
        report[field] = JsonNode.Parse(json);

        Errors(report.ToJsonString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void MissingChecks_is_invalid()
    {
        var report = Rendered();
        report.Remove("checks");

        Errors(report.ToJsonString()).ShouldContain(e => e.Contains("checks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("observed", "\"0.9\"")]
    [InlineData("comparison", "\">=\"")]
    [InlineData("n", "1.5")]
    [InlineData("reason", "null")]
    [InlineData("interval", "{\"low\": 0.1, \"high\": 0.2, \"level\": 95}")]
    [InlineData("interval", "{\"low\": 0.1, \"high\": 0.2}")]
    [InlineData("pValue", "1.5")]
    [InlineData("extra", "true")]
    public void BrokenCheckField_is_invalid(string field, string json)
    {
        var report = Rendered();
        report["checks"]![0]![field] = JsonNode.Parse(json);

        Errors(report.ToJsonString()).ShouldNotBeEmpty();
    }

    [Fact]
    public void DocumentedExample_is_valid_and_parses()
    {
        var doc = File.ReadAllText(RepositoryPaths.Of("docs", "report-format.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        Errors(example).ShouldBeEmpty();
        GateReportJson.Parse(example, "docs/report-format.md").Checks.Count.ShouldBe(2);
    }

    private static JsonObject Rendered() =>
        JsonNode.Parse(new JsonRenderer().RenderToString(SampleReports.Realistic()))!.AsObject();

    private static List<string> Errors(string json) =>
        Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();
}
