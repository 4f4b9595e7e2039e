using System.Text.Json;
using Gates.Core.Metrics;

namespace Gates.Core.Tests.Metrics;

public class MetricLookupTests
{
    private static readonly JsonElement Root = JsonDocument.Parse("""
        {
          "groundedness_score": 0.87,
          "safety": { "toxicity": { "rate": 0.01 } },
          "results": { "hellaswag": { "acc,none": 0.29, "acc_stderr,none": "N/A" } },
          "a.b": { "c": 1 },
          "version.major": 2
        }
        """).RootElement;

    [Theory]
    [InlineData("groundedness_score", 0.87)]
    [InlineData("safety.toxicity.rate", 0.01)]
    [InlineData("results.hellaswag.acc,none", 0.29)]
    [InlineData("a.b.c", 1)]
    [InlineData("version.major", 2)]
    public void Finds_flat_nested_and_punctuated_names(string path, double expected)
    {
        MetricLookup.TryFind(Root, path, out var value).ShouldBeTrue();
        value.GetDouble().ShouldBe(expected);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("safety.toxicity.rate.extra")]
    [InlineData("results.hellaswag")]
    public void Reports_absent_paths(string path)
    {
        var found = MetricLookup.TryFind(Root, path, out var value);
        (found && value.ValueKind == JsonValueKind.Number).ShouldBeFalse();
    }

    [Fact]
    public void Lists_numeric_paths()
    {
        MetricLookup.NumericPaths(Root).ShouldBe(["groundedness_score", "safety.toxicity.rate", "results.hellaswag.acc,none", "a.b.c", "version.major"]);
    }
}
