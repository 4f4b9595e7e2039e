using System.CommandLine;
using Gates.Core;

namespace Gates.Cli.Tests;

public class GateAppTests
{
    private static RootCommand Command(Func<int> action)
    {
        var root = new RootCommand("test tool") { new Option<string?>("--name") };
        root.SetAction(_ => action());
        return root;
    }

    [Fact]
    public async Task Parse_errors_are_usage_errors()
    {
        var (env, _, err) = TestEnvironment.Create("/");

        var code = await GateApp.RunAsync(["--no-such-flag"], Command(() => 0), env);

        code.ShouldBe(ExitCodes.UsageError);
        err.ToString().ShouldContain("--no-such-flag");
    }

    [Fact]
    public async Task Input_exceptions_are_exit_2_with_every_problem()
    {
        var (env, _, err) = TestEnvironment.Create("/");

        var code = await GateApp.RunAsync([], Command(() => throw new GateInputException(["a.yaml:3: first", "a.yaml:9: second"])), env);

        code.ShouldBe(2);
        err.ToString().ShouldContain("a.yaml:3: first");
        err.ToString().ShouldContain("a.yaml:9: second");
    }

    [Fact]
    public async Task Runtime_and_unexpected_exceptions_are_exit_3()
    {
        var (env, _, err) = TestEnvironment.Create("/");

        (await GateApp.RunAsync([], Command(() => throw new GateRuntimeException("server said 503")), env)).ShouldBe(3);
        (await GateApp.RunAsync([], Command(() => throw new InvalidOperationException("bug")), env)).ShouldBe(3);
        err.ToString().ShouldContain("server said 503");
        err.ToString().ShouldContain("internal error: bug");
    }

    [Fact]
    public async Task The_action_exit_code_is_returned()
    {
        var (env, _, _) = TestEnvironment.Create("/");

        (await GateApp.RunAsync(["--name", "x"], Command(() => 4), env)).ShouldBe(4);
    }
}
