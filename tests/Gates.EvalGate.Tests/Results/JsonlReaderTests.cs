using Gates.Core;
using Gates.EvalGate.Results;
using Gates.Testing;

namespace Gates.EvalGate.Tests.Results;

public class JsonlReaderTests
{
    [Fact]
    public void Boolean_fields_become_rates_with_successes_and_n()
    {
        var results = Fixtures.Read("items.jsonl");

        results.Format.ShouldBe("jsonl");
        var grounded = results.Found("grounded");
        grounded.N.ShouldBe(40);
        grounded.Successes.ShouldBe(35);
        grounded.Value.ShouldBe(35 / 40.0);
        results.Found("hallucinated").Successes.ShouldBe(3);
    }

    [Fact]
    public void Numeric_fields_become_means_with_sample_sd()
    {
        var values = File.ReadLines(Fixtures.Path("items.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("judge").GetProperty("faithfulness").GetDouble())
            .ToList();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));

        var faithfulness = Fixtures.Read("items.jsonl").Found("judge.faithfulness");

        faithfulness.N.ShouldBe(40);
        faithfulness.Value.ShouldBe(mean, 1e-12);
        faithfulness.StdDev!.Value.ShouldBe(sd, 1e-12);
        faithfulness.Successes.ShouldBeNull();
    }

    [Fact]
    public void Null_and_absent_values_are_counted_and_reported_not_treated_as_zero()
    {
        var results = Fixtures.Read("items.jsonl");

        var relevancy = results.FoundWithNote("relevancy");
        relevancy.Observation.N.ShouldBe(39);
        relevancy.Note.ShouldBe("1 of 40 items have no value for 'relevancy' (null on 1, first on line 12); they are left out, n = 39");
        var latency = results.FoundWithNote("latency_ms");
        latency.Observation.N.ShouldBe(39);
        latency.Note.ShouldBe("1 of 40 items have no value for 'latency_ms' (absent on 1, first on line 28); they are left out, n = 39");
    }

    [Fact]
    public void Metric_names_are_the_numeric_and_boolean_fields_flattened_with_dots()
    {
        var names = Fixtures.Read("items.jsonl").MetricNames.ToList();

        names.ShouldBe(["grounded", "hallucinated", "relevancy", "latency_ms", "judge.faithfulness"]);
    }

    [Fact]
    public void Text_fields_are_not_listed_but_explain_themselves()
    {
        var results = Fixtures.Read("items.jsonl");

        results.InvalidReason("judge.verdict").ShouldBe($"{Fixtures.Path("items.jsonl")}:1: metric 'judge.verdict' holds strings, not numbers (first on line 1)");
        results.InvalidReason("tags").ShouldContain("metric 'tags' holds lists, not numbers");
        results.MetricNames.ShouldNotContain("tags");
    }

    [Fact]
    public void Item_values_are_kept_by_id_only_when_asked()
    {
        Fixtures.Read("items.jsonl").ItemValues("grounded").ShouldBeNull();

        var results = Fixtures.Read("items.jsonl", options: new ReadOptions { KeepItems = true });

        var grounded = results.ItemValues("grounded")!;
        grounded.Count.ShouldBe(40);
        grounded["q-0008"].ShouldBe(0);
        grounded["q-0001"].ShouldBe(1);
        results.ItemValues("relevancy")!.ContainsKey("q-0012").ShouldBeFalse();
    }

    [Fact]
    public void Only_the_wanted_metrics_are_aggregated()
    {
        var results = Fixtures.Read("items.jsonl", options: new ReadOptions { Metrics = new HashSet<string> { "grounded" } });

        results.Found("grounded").Successes.ShouldBe(35);
        results.MetricNames.ShouldContain("relevancy");
        results.InvalidReason("relevancy").ShouldContain("was not read: it was not among the metrics asked for");
    }

    [Fact]
    public void A_custom_id_field_may_be_nested()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", """
            {"meta": {"uid": "a"}, "ok": true}
            {"meta": {"uid": "b"}, "ok": false}
            """);

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true, IdField = "meta.uid" });

        results.ItemValues("ok")!.ShouldBe(new Dictionary<string, double> { ["a"] = 1, ["b"] = 0 });
        results.MetricNames.ShouldBe(["ok"]);
    }

    [Fact]
    public void Numeric_ids_are_keys_and_not_metrics()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"sample_id\": 17, \"acc\": 1.0}\n{\"sample_id\": 18, \"acc\": 0.0}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, new ReadOptions { KeepItems = true });

        results.MetricNames.ShouldBe(["acc"]);
        results.Found("acc").Successes.ShouldBe(1, "0/1 numbers keep successes so a Wilson interval applies");
        results.ItemValues("acc")!.Keys.ShouldBe(["17", "18"], ignoreOrder: true);
    }

    [Fact]
    public void Items_without_ids_cannot_be_paired_and_say_so()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.jsonl", "{\"ok\": true}\n{\"ok\": false}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, new ReadOptions { KeepItems = true });

        results.ItemValues("ok").ShouldBeNull();
        results.Warnings.ShouldHaveSingleItem().ShouldContain("items have no id");
    }

    [Fact]
    public void Escaped_keys_crlf_bom_and_a_last_line_without_newline_are_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("items.jsonl");
        File.WriteAllText(path, "{\"sc\\u006fre\": 0.5}\r\n\r\n{\"score\": 1.5}", new System.Text.UTF8Encoding(true));

        var results = EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

        results.Format.ShouldBe("jsonl");
        results.Found("score").Value.ShouldBe(1.0);
        results.Sha256.ShouldBe(Fixtures.Sha256Of(path));
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_read_whole()
    {
        using var folder = new TempFolder();
        var padding = new string('x', 3_000_000);
        var path = folder.Write("items.jsonl", $"{{\"note\": \"{padding}\", \"ok\": true}}\n{{\"note\": \"short\", \"ok\": false}}\n");

        var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, ReadOptions.Default);

        results.Found("ok").N.ShouldBe(2);
        results.Sha256.ShouldBe(Fixtures.Sha256Of(path));
    }
}
