using Gates.Cli.Hosts;
using Gates.Core;

namespace Gates.Cli.Tests.Hosts;

public sealed class HostDetectorTests
{
    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", HostKind.GitHub)]
    [InlineData("GITHUB_ACTIONS", "false", HostKind.Local)]
    [InlineData("GITLAB_CI", "true", HostKind.GitLab)]
    [InlineData("GITLAB_CI", "", HostKind.Local)]
    [InlineData("ARGO_TEMPLATE", "{\"name\":\"gate\"}", HostKind.Argo)]
    [InlineData("ARGO_WORKFLOW_NAME", "promote-x7k2p", HostKind.Argo)]
    [InlineData("ARGO_NODE_ID", "promote-x7k2p-123", HostKind.Argo)]
    [InlineData("CI", "true", HostKind.Local)]
    public void Detect_from_environment(string name, string value, HostKind expected) =>
        HostDetector.Detect(Env((name, value)), ciFlag: null).ShouldBe(expected);

    [Fact]
    public void Detect_empty_environment_is_local() => HostDetector.Detect(Env(), null).ShouldBe(HostKind.Local);

    [Fact]
    public void Detect_GitHub_and_Argo_variables_GitHub_wins() =>
        HostDetector.Detect(Env(("ARGO_TEMPLATE", "x"), ("GITHUB_ACTIONS", "true")), null).ShouldBe(HostKind.GitHub);

    [Theory]
    [InlineData("github", HostKind.GitHub)]
    [InlineData("GitLab", HostKind.GitLab)]
    [InlineData(" argo ", HostKind.Argo)]
    [InlineData("none", HostKind.Local)]
    public void Detect_ci_flag_overrides_the_environment(string flag, HostKind expected) =>
        HostDetector.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITLAB_CI", "true")), flag).ShouldBe(expected);

    [Fact]
    public void Detect_blank_flag_falls_back_to_the_environment() =>
        HostDetector.Detect(Env(("GITLAB_CI", "true")), "  ").ShouldBe(HostKind.GitLab);

    [Fact]
    public void Detect_unknown_flag_is_an_input_error() =>
        Should.Throw<GateInputException>(() => HostDetector.Detect(Env(), "jenkins"))
            .Message.ShouldBe("--ci: unknown host 'jenkins'; expected github, gitlab, argo or none");

    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
