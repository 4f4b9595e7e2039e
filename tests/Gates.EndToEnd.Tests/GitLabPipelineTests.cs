using Gates.Testing;

namespace Gates.EndToEnd.Tests;

/// <summary>
/// The GitLab components of templates/ run by the real gitlab-ci-local (shell executor): spec inputs interpolated,
/// GitLab's JSON schema checked, jobs run in stage order with the packed tools installed by the component's own
/// script, artifacts and dotenv variables passed on, warn-only allowing exit code 1 only.
/// </summary>
[Collection(nameof(ToolsCollection))]
public class GitLabPipelineTests(InstalledTools tools)
{
    [Fact]
    public void The_components_run_a_promotion_pipeline()
    {
        using var project = new GitLabProject(tools);
        var pipeline = $$"""
            stages: [evaluate, report, promote, verify]
            include:
              - component: {{project.Component("eval-gate")}}
                inputs: {stage: evaluate, version: "{version}", results: samples/eval/pass.json, thresholds: thresholds/quality.yaml, outputs-dir: gates/quality}
              - component: {{project.Component("latency-bench")}}
                inputs: {stage: evaluate, version: "{version}", command: gate, results: samples/latency/k6-summary-export.json, thresholds: thresholds/latency.yaml, outputs-dir: gates/latency}
              - component: {{project.Component("drift-check")}}
                inputs:
                  stage: evaluate
                  version: "{version}"
                  gate-mode: warn-only
                  reference: samples/drift/reference.csv
                  current: samples/drift/current-drift.csv
                  thresholds: samples/drift/thresholds.yaml
                  outputs-dir: gates/drift
              - component: {{project.Component("gate-report")}}
                inputs: {stage: report, version: "{version}", reports: gates/*/*.json, advisory: drift-check, subject-model: fraud, subject-version: "13", outputs-dir: gates/report}
              - component: {{project.Component("manifest-bump")}}
                inputs:
                  stage: promote
                  version: "{version}"
                  file: samples/manifests/apps/fraud/prod/isvc.yaml
                  select: kind=InferenceService,name=fraud
                  field: storageUri=s3://models/fraud/v13
                  model: fraud
                  model-version: "13"
                  environment: prod
                  evidence: gates/report/evidence.json
                  outputs-dir: gates/promote
            verify:
              stage: verify
              script:
                - echo "eval-gate=$GATES_EVAL_GATE_VERDICT drift-check=$GATES_DRIFT_CHECK_VERDICT gate-report=$GATES_GATE_REPORT_VERDICT"
            """;

        var result = project.Run(pipeline);

        result.ShouldExit(0);
        result.Stdout.ShouldContain("eval-gate=pass drift-check=fail gate-report=warn");
        result.Stdout.ShouldContain("advisory: failed, counted as a warning");
        foreach (var tool in new[] { "eval-gate", "latency-bench", "gate-report", "manifest-bump" })
        {
            result.Stdout.ShouldContain($" PASS  gates-{tool}");
        }

        result.Stdout.ShouldContain(" WARN  gates-drift-check");
        File.ReadAllText(project.File("samples/manifests/apps/fraud/prod/isvc.yaml")).ShouldContain("storageUri: 's3://models/fraud/v13'  # pinned by manifest-bump");
        File.Exists(project.File("gates/report/evidence.json")).ShouldBeTrue();
        File.ReadAllText(project.File("gates/quality/gates-eval-gate.junit.xml")).ShouldContain("<testsuite");
    }

    [Theory]
    [InlineData("blocking", 1)]
    [InlineData("warn-only", 0)]
    public void A_failed_gate_stops_a_blocking_pipeline_and_only_warns_in_warn_only_mode(string mode, int exitCode)
    {
        using var project = new GitLabProject(tools);
        var pipeline = $$"""
            stages: [evaluate, next]
            include:
              - component: {{project.Component("eval-gate")}}
                inputs: {stage: evaluate, version: "{version}", gate-mode: {{mode}}, results: samples/eval/fail.json, thresholds: thresholds/quality.yaml}
            next:
              stage: next
              script: [echo "next job ran"]
            """;

        var result = project.Run(pipeline);

        result.ShouldExit(exitCode);
        result.Stdout.ShouldContain("Overall: FAIL");
        if (mode == "blocking")
        {
            result.Stderr.ShouldContain(" FAIL 1 ");
            result.Stdout.ShouldNotContain("next job ran");
        }
        else
        {
            result.Stdout.ShouldContain(" WARN  gates-eval-gate");
            result.Stdout.ShouldContain("next job ran");
        }
    }

    /// <summary>
    /// GitLab fails the job and the pipeline (exit code 2 is not in exit_codes: [1]). gitlab-ci-local 4.75.1 marks the
    /// job failed too, but lets the pipeline go on for any allow_failure, so the job's status is what is asserted.
    /// </summary>
    [Fact]
    public void An_input_error_fails_even_a_warn_only_job()
    {
        using var project = new GitLabProject(tools);
        var pipeline = $$"""
            include:
              - component: {{project.Component("eval-gate")}}
                inputs: {version: "{version}", gate-mode: warn-only, results: samples/eval/missing.json, thresholds: thresholds/quality.yaml}
            """;

        var result = project.Run(pipeline);

        result.Stderr.ShouldContain(" FAIL 2 ");
        result.Stdout.ShouldContain(" FAIL  gates-eval-gate");
        result.Stdout.ShouldNotContain(" WARN  gates-eval-gate");
        result.Stdout.ShouldContain("samples/eval/missing.json: results file not found");
    }

    [Fact]
    public void The_example_pipeline_expands_with_the_real_components()
    {
        using var project = new GitLabProject(tools);
        var example = File.ReadAllText(RepositoryPaths.Of("workflows-examples", "gitlab", ".gitlab-ci.yml"))
            .Replace("$CI_SERVER_FQDN/ml-platform/gates/", GitLabProject.Path + "/", StringComparison.Ordinal)
            .Replace("@1.0.0", "@" + project.Sha, StringComparison.Ordinal);

        var result = project.Run(example, arguments: "--list");

        result.ShouldExit(0);
        foreach (var job in new[] { "quality-eval-gate", "safety-eval-gate", "gates-latency-bench", "gates-drift-check", "gates-gate-report", "gates-canary-validate", "gates-manifest-bump", "approve", "rollback" })
        {
            result.Stdout.ShouldContain(job);
        }
    }
}
