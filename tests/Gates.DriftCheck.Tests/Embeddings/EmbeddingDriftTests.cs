using System.Text.Json.Nodes;
using Gates.DriftCheck.Tests.Command;

namespace Gates.DriftCheck.Tests.Embeddings;

/// <summary>Embedding columns end to end: a shifted mean is drift by every method, the same distribution is not, bad vectors stop the run.</summary>
public class EmbeddingDriftTests
{
    [Fact]
    public void A_shifted_mean_in_JSON_lines_is_detected_by_classifier_and_mmd()
    {
        using var h = new DriftCheckHarness();
        var reference = EmbeddingFiles.Jsonl(h.Folder, "ref.jsonl", EmbeddingFiles.Vectors(1, 1500, 32));
        var current = EmbeddingFiles.Jsonl(h.Folder, "cur.jsonl", EmbeddingFiles.Vectors(2, 1000, 32, shift: 0.4, shifted: 16));
        var report = h.Folder.File("report.json");

        h.Run("--reference", reference, "--current", current, "-t", EmbeddingFiles.Thresholds(h.Folder), "--report-json", report).ShouldExit(1);

        var checks = Checks(report);
        checks["embedding"].ShouldBe("fail");
        checks["embedding: domain classifier"].ShouldBe("fail");
        checks["embedding: mmd"].ShouldBe("fail");
        checks["embedding: centroid cosine distance"].ShouldBe("fail");
    }

    [Fact]
    public void The_same_distribution_is_not_flagged_over_ten_seeds()
    {
        using var h = new DriftCheckHarness();
        var flagged = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            var reference = EmbeddingFiles.Jsonl(h.Folder, $"ref{seed}.jsonl", EmbeddingFiles.Vectors(100 + seed, 600, 16));
            var current = EmbeddingFiles.Jsonl(h.Folder, $"cur{seed}.jsonl", EmbeddingFiles.Vectors(200 + seed, 400, 16));
            var report = h.Folder.File($"report{seed}.json");
            var run = h.Run("--reference", reference, "--current", current, "-t", EmbeddingFiles.Thresholds(h.Folder), "--report-json", report);
            run.ExitCode.ShouldBeOneOf([0, 1], run.ToString());
            flagged += Checks(report).Count(c => c.Key.StartsWith("embedding: ", StringComparison.Ordinal) && c.Value != "pass");
        }

        // Each method needs its effect threshold and p < 0.05: at most 5% of 30 method runs by chance, and far fewer with the thresholds.
        flagged.ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void CSV_prefix_columns_form_one_embedding_and_are_not_compared_one_by_one()
    {
        using var h = new DriftCheckHarness();
        var reference = EmbeddingFiles.CsvPrefix(h.Folder, "ref.csv", EmbeddingFiles.Vectors(3, 800, 24));
        var current = EmbeddingFiles.CsvPrefix(h.Folder, "cur.csv", EmbeddingFiles.Vectors(4, 600, 24, shift: 0.5, shifted: 12));
        var drift = h.Folder.File("drift.json");

        h.Run("--reference", reference, "--current", current, "-t", EmbeddingFiles.Thresholds(h.Folder, prefix: "emb_"), "--drift-json", drift).ShouldExit(1);

        var columns = JsonNode.Parse(File.ReadAllText(drift))!["columns"]!.AsArray();
        columns.Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["id", "embedding"], ignoreOrder: true);
        var embedding = columns.Single(c => c!["name"]!.GetValue<string>() == "embedding")!;
        embedding["status"]!.GetValue<string>().ShouldBe("drift");
        embedding["embedding"]!["dimension"]!.GetValue<int>().ShouldBe(24);
    }

    [Fact]
    public void Parquet_list_columns_are_read_as_embeddings()
    {
        using var h = new DriftCheckHarness();
        var reference = EmbeddingFiles.Parquet(h.Folder, "ref.parquet", EmbeddingFiles.Vectors(5, 800, 16));
        var current = EmbeddingFiles.Parquet(h.Folder, "cur.parquet", EmbeddingFiles.Vectors(6, 600, 16, shift: 0.5, shifted: 8));
        var html = h.Folder.File("report.html");

        h.Run("--reference", reference, "--current", current, "-t", EmbeddingFiles.Thresholds(h.Folder, name: "Embedding"), "--html", html).ShouldExit(1);

        var page = File.ReadAllText(html);
        page.ShouldContain("Embedding drift (16 dimensions)");
        page.ShouldContain("data-method=\"mmd\"");
    }

    [Theory]
    [InlineData("NaN", "element 3 is NaN")]
    [InlineData("short", "the vector has 31 values, earlier rows have 32")]
    [InlineData("null", "the vector is missing")]
    [InlineData("text", "array of numbers")]
    public void A_bad_vector_stops_the_run_naming_file_row_and_column(string kind, string message)
    {
        using var h = new DriftCheckHarness();
        var reference = EmbeddingFiles.Jsonl(h.Folder, "ref.jsonl", EmbeddingFiles.Vectors(7, 100, 32));
        var lines = File.ReadAllLines(EmbeddingFiles.Jsonl(h.Folder, "cur.jsonl", EmbeddingFiles.Vectors(8, 50, 32)));
        var values = EmbeddingFiles.Vectors(8, 50, 32)[9].Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        lines[9] = kind switch
        {
            "NaN" => $"{{\"id\":9,\"embedding\":[{string.Join(",", values.Take(3))},\"NaN\",{string.Join(",", values.Skip(4))}]}}",
            "short" => $"{{\"id\":9,\"embedding\":[{string.Join(",", values.Skip(1))}]}}",
            "null" => "{\"id\":9,\"embedding\":null}",
            _ => "{\"id\":9,\"embedding\":\"none\"}",
        };
        File.WriteAllLines(h.Folder.File("cur.jsonl"), lines);

        var run = h.Run("--reference", reference, "--current", "cur.jsonl", "-t", EmbeddingFiles.Thresholds(h.Folder)).ShouldExit(2);

        run.Stderr.ShouldContain("cur.jsonl: row 10, column 'embedding'");
        run.Stderr.ShouldContain(kind == "NaN" ? "element 3 is not a number" : message);
    }

    [Fact]
    public void A_missing_CSV_part_names_the_prefix_column()
    {
        using var h = new DriftCheckHarness();
        var reference = EmbeddingFiles.CsvPrefix(h.Folder, "ref.csv", EmbeddingFiles.Vectors(9, 100, 8));
        var current = File.ReadAllLines(EmbeddingFiles.CsvPrefix(h.Folder, "cur.csv", EmbeddingFiles.Vectors(10, 50, 8)));
        var cells = current[5].Split(',');
        cells[4] = "";
        current[5] = string.Join(",", cells);
        File.WriteAllLines(h.Folder.File("cur.csv"), current);

        var run = h.Run("--reference", reference, "--current", "cur.csv", "-t", EmbeddingFiles.Thresholds(h.Folder, prefix: "emb_")).ShouldExit(2);

        run.Stderr.ShouldContain("cur.csv: row 5, column 'emb_3': part 3 is missing");
    }

    private static Dictionary<string, string> Checks(string reportPath) =>
        JsonNode.Parse(File.ReadAllText(reportPath))!["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["verdict"]!.GetValue<string>());
}
