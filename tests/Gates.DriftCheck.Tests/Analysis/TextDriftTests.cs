using System.Text.Json.Nodes;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Tests.Command;
using Gates.DriftCheck.Tests.Corpus;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Analysis;

/// <summary>Text columns: a changed vocabulary drifts by out-of-vocabulary share and the classifier; the same source does not.</summary>
public class TextDriftTests
{
    private static readonly string[] Everyday = "the parcel arrived late again and the driver was friendly but the box was damaged so I asked for a refund".Split(' ');
    private static readonly string[] Technical = "firmware update bricked router after reboot latency spikes packet loss dns resolver timeout".Split(' ');

    [Fact]
    public void A_changed_vocabulary_drifts_by_out_of_vocabulary_share_and_the_classifier()
    {
        using var folder = new TempFolder();
        var reference = Reviews(folder, "ref.csv", 1, 1200, Everyday, []);
        var current = Reviews(folder, "cur.csv", 2, 800, Everyday, Technical);

        var column = Compare(reference, current).Single(c => c.Name == "review");

        column.Status.ShouldBe(ColumnStatus.Drift);
        column.Text.ShouldNotBeNull();
        column.Text.Classifier!.Drift.ShouldBeTrue();
        column.Text.Classifier.Statistic.ShouldBeGreaterThan(0.7);
        column.Text.Descriptors.Single(d => d.Name == "out-of-vocabulary share").Drift.ShouldBeTrue();
    }

    [Fact]
    public void Text_from_the_same_source_does_not_drift()
    {
        using var folder = new TempFolder();
        var reference = Reviews(folder, "ref.csv", 3, 1200, Everyday, []);
        var current = Reviews(folder, "cur.csv", 4, 800, Everyday, []);

        var column = Compare(reference, current).Single(c => c.Name == "review");

        column.Status.ShouldNotBe(ColumnStatus.Drift, column.Reason);
        column.Text!.All.ShouldAllBe(m => !m.Drift);
    }

    [Fact]
    public void Evidently_mode_decides_text_by_its_domain_classifier_rule()
    {
        using var h = new DriftCheckHarness();
        var reference = Reviews(h.Folder, "ref.csv", 5, 1200, Everyday, []);
        var current = Reviews(h.Folder, "cur.csv", 6, 800, Everyday, Technical);
        var drift = h.Folder.File("drift.json");

        h.Run("--reference", reference, "--current", current, "--mode", "evidently", "--drift-json", drift);

        var review = JsonNode.Parse(File.ReadAllText(drift))!["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "review")!;
        review["status"]!.GetValue<string>().ShouldBe("drift");
        review["method"]!.GetValue<string>().ShouldStartWith("abs_text_content_drift");
        review["threshold"]!.GetValue<double>().ShouldBe(0.55);
    }

    [Fact]
    public void A_column_declared_text_in_an_Evidently_data_definition_is_compared_as_text()
    {
        using var h = new DriftCheckHarness();
        var reference = Reviews(h.Folder, "ref.csv", 7, 300, Everyday, []);
        var current = Reviews(h.Folder, "cur.csv", 8, 300, Everyday, Technical);
        var config = h.Folder.Write("evidently.json", """
            {"data_definition": {"text_columns": ["review"]}, "metrics": [{"type": "evidently:metric_v2:ValueDrift", "column": "review", "method": "perc_text_content_drift"}]}
            """);
        var drift = h.Folder.File("drift.json");

        h.Run("--reference", reference, "--current", current, "--evidently-config", config, "--drift-json", drift);

        var review = JsonNode.Parse(File.ReadAllText(drift))!["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "review")!;
        review["method"]!.GetValue<string>().ShouldStartWith("perc_text_content_drift");
        review["text"]!["descriptors"]!.AsArray().Count.ShouldBe(4);
    }

    [SkippableFact]
    public void Taxi_zone_names_declared_text_drift_between_boroughs_and_not_between_halves()
    {
        if (CorpusSplit.Tables is null)
        {
            Skip.If(Environment.GetEnvironmentVariable("CI") != "true", "the shared corpus is absent");
            throw new InvalidOperationException("CI=true needs ../shared/corpus/tables");
        }

        using var folder = new TempFolder();
        using var other = new TempFolder();
        var (r, c) = CorpusSplit.Write(folder, "taxis.csv", row => row("pickup_borough") == "Manhattan" ? true : row("pickup_borough") == "Queens" ? false : null);
        var row = 0;
        var (r2, c2) = CorpusSplit.Write(other, "taxis.csv", _ => row++ % 2 == 0);
        var thresholds = folder.Write("t.yaml", "gates:\n  dataset-drift:\n    metric: share_of_drifted_columns\n    max: 1\n    comparison: lte\ncolumns:\n  pickup_zone: {type: text}\n");

        var boroughs = Compare(r, c, thresholds).Single(x => x.Name == "pickup_zone");
        var halves = Compare(r2, c2, thresholds).Single(x => x.Name == "pickup_zone");

        boroughs.Status.ShouldBe(ColumnStatus.Drift);
        boroughs.Text!.Classifier!.Drift.ShouldBeTrue();
        boroughs.Text.Descriptors.Single(d => d.Name == "out-of-vocabulary share").Drift.ShouldBeTrue();
        halves.Text!.Classifier!.Drift.ShouldBeFalse();
        halves.Text.Descriptors.Single(d => d.Name == "out-of-vocabulary share").Drift.ShouldBeFalse();
    }

    private static string Reviews(TempFolder folder, string name, int seed, int rows, string[] common, string[] extra)
    {
        var random = new Random(seed);
        var lines = new List<string> { "id,review,stars" };
        for (var i = 0; i < rows; i++)
        {
            var words = Enumerable.Range(0, random.Next(6, 20)).Select(_ => extra.Length > 0 && random.Next(3) == 0 ? extra[random.Next(extra.Length)] : common[random.Next(common.Length)]);
            lines.Add($"{i},\"{string.Join(' ', words)}\",{random.Next(1, 6)}");
        }

        return folder.Write(name, string.Join('\n', lines) + "\n");
    }

    private static IReadOnlyList<ColumnResult> Compare(string reference, string current, string? thresholds = null)
    {
        using var h = new DriftCheckHarness();
        var drift = h.Folder.File("drift.json");
        var args = new List<string> { "--reference", reference, "--current", current, "--drift-json", drift };
        if (thresholds is not null)
        {
            args.AddRange(["-t", thresholds]);
        }

        h.Run([.. args]).ExitCode.ShouldBeOneOf([0, 1, 4]);
        return [.. JsonNode.Parse(File.ReadAllText(drift))!["columns"]!.AsArray().Select(ToResult)];
    }

    private static ColumnResult ToResult(JsonNode? c)
    {
        var text = c!["text"];
        return new ColumnResult
        {
            Name = c["name"]!.GetValue<string>(),
            Type = c["type"]!.GetValue<string>(),
            TypeReason = "",
            Status = c["status"]!.GetValue<string>() switch { "drift" => ColumnStatus.Drift, "no drift" => ColumnStatus.NoDrift, "insufficient data" => ColumnStatus.InsufficientData, _ => ColumnStatus.NotTested },
            Reason = c["reason"]!.GetValue<string>(),
            Text = text is null ? null : new TextDrift(
                text["referenceSample"]!.GetValue<int>(), text["currentSample"]!.GetValue<int>(), text["vocabularySize"]!.GetValue<int>(),
                [.. text["descriptors"]!.AsArray().Select(Method)], text["classifier"] is { } k ? Method(k) : null),
        };
    }

    private static MethodResult Method(JsonNode? m) => new()
    {
        Name = m!["name"]!.GetValue<string>(),
        Method = m["method"]!.GetValue<string>(),
        StatisticName = m["statisticName"]!.GetValue<string>(),
        Statistic = m["statistic"]?.GetValue<double>() ?? double.NaN,
        Threshold = m["threshold"]?.GetValue<double>() ?? double.NaN,
        Drift = m["drift"]!.GetValue<bool>(),
        Words = m["words"]!.GetValue<string>(),
    };
}
