using Gates.Testing.Tools;

namespace Gates.EvalGate.Tests.Command;

/// <summary><c>defaults: family_wise: holm</c> holds the chance that any confident gate passes wrongly at 1 − confidence.</summary>
public class FamilyWiseTests
{
    private const string Gates = "gates:\n  a:\n    metric: a\n    min: 0.8\n  b:\n    metric: b\n    min: 0.8\n  c:\n    metric: c\n    min: 0.8\n";

    private static RunResult Run(string defaults)
    {
        // 88 of 100 items pass each of a, b, c: each passes alone at 95 % (Wilson low bound 0.8019).
        var lines = Enumerable.Range(0, 100).Select(i => i < 88 ? "{\"a\": true, \"b\": true, \"c\": true}" : "{\"a\": false, \"b\": false, \"c\": false}");
        using var gate = new EvalGateHarness();
        var r = gate.Folder.Write("items.jsonl", string.Join("\n", lines));
        var t = gate.Folder.Write("t.yaml", defaults + Gates);
        return gate.Run("-r", r, "-t", t, "--format", "json");
    }

    [Fact]
    public void Three_confident_gates_pass_alone()
    {
        Run("defaults:\n  decision: confident\n").ShouldExit(0);
    }

    [Fact]
    public void Under_holm_the_same_three_gates_are_inconclusive_at_the_stricter_level()
    {
        var result = Run("defaults:\n  decision: confident\n  family_wise: holm\n").ShouldExit(4);

        result.Stdout.ShouldContain("\"verdict\": \"inconclusive\"");
        result.Stdout.ShouldContain("98.3% CI");
        result.Stdout.ShouldContain("family-wise control (Holm) over 3 confident gates");
    }
}
