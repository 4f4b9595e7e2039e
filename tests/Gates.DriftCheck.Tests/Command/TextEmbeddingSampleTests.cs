namespace Gates.DriftCheck.Tests.Command;

/// <summary>The text and embedding examples of docs/drift-check.md give the exit codes the page states.</summary>
public class TextEmbeddingSampleTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("evidently")]
    public void The_reviews_with_new_product_words_drift(string mode)
    {
        using var h = new DriftCheckHarness();

        var run = h.Run("--reference", DriftCheckHarness.Sample("reviews-reference.csv"), "--current", DriftCheckHarness.Sample("reviews-current.csv"), "--mode", mode).ShouldExit(1);

        run.Stdout.ShouldContain("review: domain classifier");
        if (mode == "evidently")
        {
            run.Stdout.ShouldContain("perc_text_content_drift");
        }
    }

    [Theory]
    [InlineData("embeddings-current.jsonl", 1)]
    [InlineData("embeddings-same.jsonl", 0)]
    public void The_embedding_samples_fail_when_shifted_and_pass_when_drawn_again(string current, int exitCode)
    {
        using var h = new DriftCheckHarness();

        h.Run("--reference", DriftCheckHarness.Sample("embeddings-reference.jsonl"), "--current", DriftCheckHarness.Sample(current),
            "-t", DriftCheckHarness.Sample("thresholds-embeddings.yaml")).ShouldExit(exitCode);
    }
}
