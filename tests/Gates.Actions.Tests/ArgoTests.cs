using System.Globalization;
using System.Text.RegularExpressions;
using Gates.Actions.Tests.Runner;
using Gates.Testing;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>
/// The Argo WorkflowTemplates: one template per tool whose retry strategy retries exit code 3 and pod errors but
/// never a failed gate, parameters that reach scripts only through env:, and a promotion DAG whose references
/// (templates, parameters, task outputs, depends) all resolve.
/// </summary>
public class ArgoTests
{
    private static readonly Regex Placeholder = new(@"\{\{\s*([a-z]+)\.([A-Za-z0-9_.-]+)\s*\}\}");

    private static YamlMappingNode Load(string name) => Yaml.LoadMapping(RepositoryPaths.Of("workflows-examples", "argo", name));

    private static Dictionary<string, YamlNode> Templates(YamlMappingNode file) =>
        Yaml.Sequence(Yaml.Mapping(file, "spec"), "templates").ToDictionary(t => Yaml.Scalar(t, "name")!, t => t);

    private static IEnumerable<string> ParameterNames(YamlNode? node, string section, string kind = "parameters") =>
        Yaml.Sequence(Yaml.Mapping(node, section), kind).Select(p => Yaml.Scalar(p, "name")!);

    [Theory]
    [MemberData(nameof(GateTool.Commands), MemberType = typeof(GateTool))]
    public void Each_tool_template_uses_its_parameters_only_through_env_and_publishes_verdict_passed_and_report(string tool)
    {
        var file = Load("gates-tools.yaml");
        Yaml.Scalar(file, "kind").ShouldBe("WorkflowTemplate");
        var template = Templates(file)[tool];
        var script = Yaml.Mapping(template, "script")!;

        Yaml.Scalar(script, "source")!.ShouldNotContain("{{");
        var used = Yaml.Scalars(template).SelectMany(s => Placeholder.Matches(s.Node.Value ?? ""))
            .Where(m => m.Groups[1].Value == "inputs").Select(m => m.Groups[2].Value.Replace("parameters.", "")).Distinct().Order();
        used.ShouldBe(ParameterNames(template, "inputs").Order());
        Yaml.Scalar(Yaml.Sequence(script, "env").Single(e => Yaml.Scalar(e, "name") == "GATES_CI"), "value").ShouldBe("argo");

        var outputs = Yaml.Mapping(template, "outputs");
        foreach (var name in new[] { "verdict", "passed" })
        {
            var parameter = Yaml.Sequence(outputs, "parameters").Single(p => Yaml.Scalar(p, "name") == name);
            Yaml.Scalar(Yaml.Mapping(parameter, "valueFrom"), "path").ShouldBe($"/tmp/gates-outputs/{name}");
            Yaml.Scalar(Yaml.Mapping(parameter, "valueFrom"), "default").ShouldNotBeNull($"{tool}: {name} needs a default, or a missing file fails the node");
        }

        Yaml.Scalar(Yaml.Sequence(outputs, "artifacts").Single(a => Yaml.Scalar(a, "name") == "report"), "path").ShouldBe("/tmp/gates-outputs/report.json");
    }

    [Theory]
    [MemberData(nameof(GateTool.Commands), MemberType = typeof(GateTool))]
    public void Retries_happen_for_exit_code_3_and_pod_errors_only(string tool)
    {
        var retry = Yaml.Mapping(Templates(Load("gates-tools.yaml"))[tool], "retryStrategy")!;
        var expression = Yaml.Scalar(retry, "expression")!;

        bool Retried(string status, string exitCode)
        {
            var lastRetry = new Dictionary<string, object?> { ["status"] = status, ["exitCode"] = exitCode };
            var asInt = new Dictionary<string, Func<IReadOnlyList<object?>, object?>>
            {
                ["asInt"] = args => double.Parse(Expression.ToText(args[0]), CultureInfo.InvariantCulture),
            };
            object? Context(string name) => name == "lastRetry" ? lastRetry : throw new NotSupportedException(name);
            return Expression.IsTruthy(Expression.Evaluate(expression, Context, new ExpressionFunctions(false, asInt)));
        }

        Retried("Failed", "3").ShouldBeTrue();
        Retried("Error", "-1").ShouldBeTrue();
        foreach (var code in new[] { "0", "1", "2", "4", "5", "-1" })
        {
            Retried("Failed", code).ShouldBeFalse($"exit code {code} must not be retried");
        }

        Yaml.Scalar(retry, "retryPolicy").ShouldBe("Always");
        int.Parse(Yaml.Scalar(retry, "limit")!, CultureInfo.InvariantCulture).ShouldBeInRange(1, 5);
    }

    [Fact]
    public void The_promotion_dag_references_only_templates_parameters_and_outputs_that_exist()
    {
        var tools = Templates(Load("gates-tools.yaml"));
        var file = Load("model-promotion.yaml");
        var local = Templates(file);
        var workflowParameters = ParameterNames(Yaml.Mapping(file, "spec"), "arguments").ToHashSet();
        var tasks = Yaml.Sequence(Yaml.Mapping(local["promote"], "dag"), "tasks").ToDictionary(t => Yaml.Scalar(t, "name")!, t => t);

        YamlNode TemplateOf(YamlNode task) => Yaml.Mapping(task, "templateRef") is { } reference
            ? (Yaml.Scalar(reference, "name") == "gates" ? tools[Yaml.Scalar(reference, "template")!] : throw new KeyNotFoundException("templateRef " + reference))
            : local[Yaml.Scalar(task, "template")!];

        foreach (var (name, task) in tasks)
        {
            var template = TemplateOf(task);
            var given = ParameterNames(task, "arguments").ToList();
            given.ShouldBeSubsetOf(ParameterNames(template, "inputs"), name);
            var mandatory = Yaml.Sequence(Yaml.Mapping(template, "inputs"), "parameters").Where(p => Yaml.Child(p, "value") is null).Select(p => Yaml.Scalar(p, "name")!);
            mandatory.ShouldBeSubsetOf(given, name);
            ParameterNames(task, "arguments", "artifacts").ShouldBeSubsetOf(ParameterNames(template, "inputs", "artifacts"), name);

            foreach (Match dependency in Regex.Matches(Yaml.Scalar(task, "depends") ?? "", @"([a-z][a-z0-9-]*)(\.[A-Z][a-z]+)?"))
            {
                tasks.ShouldContainKey(dependency.Groups[1].Value, $"{name} depends on an unknown task");
            }
        }

        foreach (var (path, scalar) in Yaml.Scalars(file))
        {
            foreach (Match m in Placeholder.Matches(scalar.Value ?? ""))
            {
                var parts = m.Groups[2].Value.Split('.');
                switch (m.Groups[1].Value)
                {
                    case "workflow":
                        parts[0].ShouldBe("parameters", path);
                        workflowParameters.ShouldContain(parts[1], path);
                        break;
                    case "tasks":
                        var template = TemplateOf(tasks[parts[0]]);
                        ParameterNames(template, "outputs", parts[2]).ShouldContain(parts[3], $"{path}: {m.Value}");
                        break;
                    case "inputs":
                        break;
                    default:
                        throw new ShouldAssertException($"{path}: unexpected {m.Value}");
                }
            }
        }
    }

    [Fact]
    public void Approval_suspends_before_the_canary_and_the_verdict_chooses_promote_or_rollback()
    {
        var file = Load("model-promotion.yaml");
        var local = Templates(file);
        var tasks = Yaml.Sequence(Yaml.Mapping(local["promote"], "dag"), "tasks").ToDictionary(t => Yaml.Scalar(t, "name")!, t => t);

        Yaml.Child(local[Yaml.Scalar(tasks["approve"], "template")!], "suspend").ShouldNotBeNull();
        Yaml.Scalar(tasks["canary-deploy"], "depends").ShouldBe("approve.Succeeded");
        Yaml.Scalar(tasks["promote-manifests"], "when").ShouldBe("{{tasks.canary-validate.outputs.parameters.passed}} == true && {{workflow.parameters.promote-by}} == pull-request");
        Yaml.Scalar(tasks["promote-alias"], "when").ShouldBe("{{tasks.canary-validate.outputs.parameters.passed}} == true && {{workflow.parameters.promote-by}} == alias");
        Yaml.Scalar(tasks["rollback"], "when").ShouldBe("{{tasks.canary-validate.outputs.parameters.passed}} != true");
        Yaml.Scalar(Yaml.Mapping(tasks["promote-manifests"], "templateRef"), "template").ShouldBe("manifest-bump");
    }
}
