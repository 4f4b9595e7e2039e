using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gates.Core.Results;
using Gates.Testing;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

public class EvidenceTests
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static GateReportHarness Pipeline()
    {
        var gate = new GateReportHarness();
        gate.Folder.Write("out/results.json", "{\"score\": 0.9}");
        gate.Folder.Write("thresholds/quality.yaml", "gates: {}\n");
        var eval = Report("eval-gate", Verdict.Pass) with
        {
            Inputs = [new InputFile("results", "out/results.json", Sha256("{\"score\": 0.9}"))],
        };
        gate.Write("reports/eval.json", eval);
        gate.Write("reports/latency.json", Report("latency-bench", Verdict.Warn, thresholds: "thresholds/latency.yaml", input: "out/latency.json") with
        {
            Tool = new ToolInfo("latency-bench", "0.2.0"),
        });
        gate.Variables["GITHUB_ACTIONS"] = "true";
        gate.Variables["GITHUB_SHA"] = "3f2c9a1e5b7d";
        gate.Variables["GITHUB_REPOSITORY"] = "acme/models";
        gate.Variables["GITHUB_RUN_ID"] = "4242";
        gate.Variables["GITHUB_ACTOR"] = "alice";
        gate.Variables["GATES_APPROVED_BY"] = "bob";
        return gate;
    }

    [Fact]
    public void The_bundle_has_every_field_in_a_stable_order()
    {
        using var gate = Pipeline();

        gate.Run("--reports", "reports/*.json", "--evidence", "evidence/bundle.json").ShouldExit(0);

        // The tool's own version comes from git (MinVer): it differs between commits and clones.
        var bundle = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(gate.Folder.File("evidence/bundle.json")),
            "(\"name\": \"gate-report\",\\s*\"version\": )\"[^\"]*\"", "$1\"<built version>\"");
        Approvals.Verify(bundle, "evidence", "json");
    }

    [Fact]
    public void The_bundle_records_the_run_the_people_and_the_state_of_every_named_file()
    {
        using var gate = Pipeline();

        var result = gate.Run("--reports", "reports/*.json", "--evidence", "bundle.json").ShouldExit(0);

        var bundle = JsonNode.Parse(File.ReadAllText(gate.Folder.File("bundle.json")))!;
        bundle["run"]!["url"]!.GetValue<string>().ShouldBe("https://github.com/acme/models/actions/runs/4242");
        bundle["run"]!["commit"]!.GetValue<string>().ShouldBe("3f2c9a1e5b7d");
        bundle["run"]!["triggeredBy"]!.GetValue<string>().ShouldBe("alice");
        bundle["run"]!["approvedBy"]!.GetValue<string>().ShouldBe("bob");
        var files = bundle["files"]!.AsArray().Select(f => (f!["path"]!.GetValue<string>(), f["onDisk"]!.GetValue<string>())).ToList();
        files.ShouldContain(("out/results.json", "same"));
        files.ShouldContain(("thresholds/quality.yaml", "changed"));
        files.ShouldContain(("out/latency.json", "absent"));
        result.Stderr.ShouldContain("warning: thresholds/quality.yaml changed since reports/eval.json read it");
        bundle["reports"]!.AsArray().Select(r => r!["verdict"]!.GetValue<string>()).ShouldBe(["pass", "warn"]);
        bundle["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["eval-gate", "gate-report", "latency-bench"]);
    }

    [Fact]
    public void Unknown_facts_are_null_rather_than_missing()
    {
        using var gate = new GateReportHarness();
        gate.Write("r.json", Report("eval-gate", Verdict.Pass, thresholds: null));

        gate.Run("--reports", "r.json", "--evidence", "bundle.json").ShouldExit(0);

        var run = JsonNode.Parse(File.ReadAllText(gate.Folder.File("bundle.json")))!["run"]!.AsObject();
        run.Select(p => p.Key).ShouldBe(["host", "repository", "commit", "url", "triggeredBy", "approvedBy"]);
        run["url"].ShouldBeNull();
        run["host"]!.GetValue<string>().ShouldBe("local");
    }

    [Fact]
    public void The_bundle_records_the_registry_action_of_a_promotion_by_alias()
    {
        using var gate = Pipeline();
        var registry = new JsonObject
        {
            ["kind"] = "mlflow",
            ["url"] = "https://mlflow.example.com/",
            ["action"] = "promote",
            ["model"] = "support-bot",
            ["alias"] = "champion",
            ["before"] = "3",
            ["after"] = "5",
            ["version"] = "5",
            ["attempts"] = 1,
            ["tagsWritten"] = new JsonObject { ["gates.previous_version"] = "3", ["gates.approved_by"] = "bob" },
            ["trainingLineage"] = new JsonObject { ["training_run_id"] = "r-9" },
        };
        gate.Write("reports/promotion.json", Report("manifest-bump", Verdict.Pass, thresholds: null) with
        {
            Details = new Dictionary<string, JsonNode?> { ["manifest-bump"] = new JsonObject { ["outcome"] = "changed", ["registry"] = registry } },
        });

        gate.Run("--reports", "reports/*.json", "--evidence", "bundle.json").ShouldExit(0);

        var action = JsonNode.Parse(File.ReadAllText(gate.Folder.File("bundle.json")))!["registryActions"]!.AsArray().ShouldHaveSingleItem()!;
        action["report"]!.GetValue<string>().ShouldBe("reports/promotion.json");
        action["outcome"]!.GetValue<string>().ShouldBe("changed");
        action["before"]!.GetValue<string>().ShouldBe("3");
        action["after"]!.GetValue<string>().ShouldBe("5");
        action["tagsWritten"]!.AsObject().Select(p => p.Key).ShouldBe(["gates.approved_by", "gates.previous_version"]);
        action["trainingLineage"]!["training_run_id"]!.GetValue<string>().ShouldBe("r-9");
    }
}
