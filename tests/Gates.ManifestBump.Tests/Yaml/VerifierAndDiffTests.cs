using Gates.Core;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Tests.Yaml;

public class VerifierAndDiffTests
{
    [Fact]
    public void The_verifier_refuses_any_change_besides_the_target()
    {
        const string before = "a: 1\nb: x\n";
        var documents = YamlTreeReader.Read(before, "m.yaml");
        var target = PathResolver.Require(documents[0], YamlPath.Parse("b"), "m.yaml");
        EditVerifier.Verify(documents, "a: 1\nb: y\n", target, "y", "m.yaml");
        Should.Throw<GateInputException>(() => EditVerifier.Verify(documents, "a: 2\nb: y\n", target, "y", "m.yaml")).Message.ShouldContain("from '1' to '2'");
        Should.Throw<GateInputException>(() => EditVerifier.Verify(documents, "a: 1\nb: z\n", target, "y", "m.yaml")).Message.ShouldContain("read back as 'z'");
        Should.Throw<GateInputException>(() => EditVerifier.Verify(documents, "a: \"1\"\nb: y\n", target, "y", "m.yaml"));
        Should.Throw<GateInputException>(() => EditVerifier.Verify(documents, "a: 1\nb: y\n---\nc: 1\n", target, "y", "m.yaml")).Message.ShouldContain("documents");
    }

    [Fact]
    public void Unified_diff_shows_one_hunk_with_context()
    {
        var before = string.Join("", Enumerable.Range(1, 10).Select(i => $"line{i}\n"));
        var after = before.Replace("line5\n", "LINE5\n");
        UnifiedDiff.Of(before, after, "a/m.yaml", "b/m.yaml").ShouldBe(
            "--- a/m.yaml\n+++ b/m.yaml\n@@ -2,7 +2,7 @@\n line2\n line3\n line4\n-line5\n+LINE5\n line6\n line7\n line8\n");
    }

    [Fact]
    public void Unified_diff_marks_a_missing_final_newline_and_is_empty_for_equal_texts()
    {
        UnifiedDiff.Of("a: 1", "a: 2", "a", "b").ShouldBe("--- a\n+++ b\n@@ -1 +1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file\n");
        UnifiedDiff.Of("same\n", "same\n", "a", "b").ShouldBe("");
    }

    [Fact]
    public void Unified_diff_splits_distant_changes_into_hunks()
    {
        var before = string.Join("", Enumerable.Range(1, 20).Select(i => $"l{i}\n"));
        var after = before.Replace("l2\n", "X\n").Replace("l18\n", "Y\n");
        var diff = UnifiedDiff.Of(before, after, "a", "b");
        diff.ShouldContain("@@ -1,5 +1,5 @@");
        diff.ShouldContain("@@ -15,6 +15,6 @@");
    }
}
