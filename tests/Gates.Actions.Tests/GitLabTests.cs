using Gates.Testing;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>The GitLab CI/CD components in templates/ and the example pipeline that includes them.</summary>
public class GitLabTests
{
    private static readonly string Pipeline = RepositoryPaths.Of("workflows-examples", "gitlab", ".gitlab-ci.yml");

    [Theory]
    [MemberData(nameof(GateTool.Commands), MemberType = typeof(GateTool))]
    public void A_component_declares_every_input_it_uses_and_uses_every_input_it_declares(string tool)
    {
        var component = GitLabComponent.Load(tool);

        component.Used.Order().ShouldBe(component.Declared.Order());
        foreach (var (key, spec) in component.Inputs.Children)
        {
            Yaml.Scalar(spec, "description").ShouldNotBeNullOrWhiteSpace(((YamlScalarNode)key).Value);
            if (Yaml.Child(spec, "options") is YamlSequenceNode options)
            {
                options.Children.Select(o => ((YamlScalarNode)o).Value).ShouldContain(Yaml.Scalar(spec, "default"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(GateTool.Commands), MemberType = typeof(GateTool))]
    public void A_component_makes_one_job_with_junit_and_dotenv_reports_and_inputs_only_in_variables(string tool)
    {
        var component = GitLabComponent.Load(tool);
        var given = component.Declared.Where(component.IsMandatory).ToDictionary(i => i, i => "x");
        var body = component.Interpolate(given);
        var job = Yaml.Mapping(body, $"gates-{tool}")!;

        Yaml.Mapping(body, $".gates-{tool}-blocking").ShouldNotBeNull();
        Yaml.Scalar(job, "extends").ShouldBe($".gates-{tool}-blocking");
        var warnOnly = Yaml.Mapping(Yaml.Mapping(body, $".gates-{tool}-warn-only"), "allow_failure");
        Yaml.Sequence(warnOnly, "exit_codes").Select(c => ((YamlScalarNode)c).Value).ShouldBe(["1"]);
        var reports = Yaml.Mapping(Yaml.Mapping(job, "artifacts"), "reports");
        Yaml.Scalar(reports, "junit").ShouldBe($"gates/gates-{tool}.junit.xml");
        Yaml.Scalar(reports, "dotenv").ShouldBe($"gates/gates-{tool}.env");
        Yaml.Scalar(Yaml.Mapping(job, "artifacts"), "when").ShouldBe("always");
        Yaml.Scalar(Yaml.Mapping(job, "variables"), "GATES_CI").ShouldBe("gitlab");
        Yaml.Sequence(job, "rules").ShouldNotBeEmpty();

        var raw = GitLabComponent.Load(tool).Body;
        var script = raw[raw.IndexOf("  script:", StringComparison.Ordinal)..raw.IndexOf("  artifacts:", StringComparison.Ordinal)];
        GitLabComponent.InputReference.IsMatch(script).ShouldBeFalse($"{tool}: inputs reach the script through variables only");
    }

    [Fact]
    public void The_example_pipeline_includes_real_components_with_declared_inputs()
    {
        var root = Yaml.LoadMapping(Pipeline);
        var stages = Yaml.Sequence(root, "stages").Select(s => ((YamlScalarNode)s).Value!).ToList();
        var jobs = new HashSet<string>();
        var includes = Yaml.Sequence(root, "include").ToList();

        includes.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var include in includes)
        {
            var reference = Yaml.Scalar(include, "component")!;
            var name = reference[(reference.LastIndexOf('/') + 1)..reference.IndexOf('@')];
            var component = GitLabComponent.Load(name);
            var inputs = Yaml.ScalarMap(include, "inputs");
            if (Yaml.Child(Yaml.Mapping(include, "inputs"), "rules") is not null)
            {
                inputs = inputs.Where(i => i.Key != "rules").ToDictionary(i => i.Key, i => i.Value);
            }

            inputs.Keys.ShouldBeSubsetOf(component.Declared, reference);
            component.Declared.Where(component.IsMandatory).ShouldBeSubsetOf(inputs.Keys, reference);
            stages.ShouldContain(inputs.GetValueOrDefault("stage", "test"), reference);
            jobs.Add($"{inputs.GetValueOrDefault("job-prefix", "gates")}-{name}").ShouldBeTrue($"two includes make the job of {reference}");
        }

        var topLevel = root.Children.Select(e => (Name: ((YamlScalarNode)e.Key).Value!, Job: e.Value)).ToList();
        foreach (var (name, job) in topLevel.Where(e => Yaml.Scalar(e.Job, "stage") is not null))
        {
            stages.ShouldContain(Yaml.Scalar(job, "stage")!, name);
            jobs.Add(name);
        }

        foreach (var (name, job) in topLevel)
        {
            foreach (var need in Yaml.Sequence(job, "needs"))
            {
                jobs.ShouldContain(((YamlScalarNode)need).Value!, $"{name} needs a job that does not exist");
            }
        }

        var approve = Yaml.Mapping(root, "approve")!;
        Yaml.Scalar(approve, "when").ShouldBe("manual");
        Yaml.Scalar(approve, "allow_failure").ShouldBe("false");
    }
}
