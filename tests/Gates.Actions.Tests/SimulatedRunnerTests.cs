using Gates.Actions.Tests.Runner;
using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>
/// The simulated runner itself: expressions evaluate as on GitHub, environment files are read as the runner
/// reads them, and an action that breaks the rules (an expression inside run:) is refused.
/// </summary>
public class SimulatedRunnerTests
{
    private static object? Eval(string expression, Dictionary<string, object?>? inputs = null, bool failed = false) =>
        Expression.Evaluate(expression, name => name == "inputs" ? inputs ?? [] : null, new ExpressionFunctions(failed));

    [Theory]
    [InlineData("inputs.a || 'fallback'", "", "fallback")]
    [InlineData("inputs.a || 'fallback'", "given", "given")]
    [InlineData("inputs.a != '' && 'SET' || ''", "x", "SET")]
    [InlineData("inputs.a != '' && 'SET' || ''", "", "")]
    [InlineData("format('{0}-{1}', inputs.a, 'b')", "a", "a-b")]
    public void Or_and_and_return_operands_as_on_github(string expression, string a, string expected)
    {
        Expression.ToText(Eval(expression, new() { ["a"] = a })).ShouldBe(expected);
    }

    [Fact]
    public void Comparisons_ignore_case_coerce_mixed_types_and_missing_properties_are_null()
    {
        Eval("'ABC' == 'abc'").ShouldBe(true);
        Eval("'1' == 1").ShouldBe(true);
        Eval("inputs.missing == ''", new()).ShouldBe(true);
        Eval("inputs['with-dash']", new() { ["with-dash"] = "v" }).ShouldBe("v");
        Eval("!inputs.x", new() { ["x"] = "false" }).ShouldBe(false);
    }

    [Fact]
    public void Conditions_are_anded_with_success_unless_they_use_a_status_function()
    {
        Template.Condition("inputs.a == 'x'", _ => new Dictionary<string, object?> { ["a"] = "x" }, new ExpressionFunctions(true)).ShouldBeFalse();
        Template.Condition("${{ always() }}", _ => null, new ExpressionFunctions(true)).ShouldBeTrue();
        Template.Condition(null, _ => null, new ExpressionFunctions(false)).ShouldBeTrue();
    }

    [Fact]
    public void Unsupported_expressions_throw_instead_of_being_misread()
    {
        Should.Throw<NotSupportedException>(() => Eval("fromJSON('[1]')"));
        Should.Throw<NotSupportedException>(() => Eval("inputs.a ~ 1"));
    }

    [Fact]
    public void Output_files_are_read_in_both_forms_and_an_unclosed_heredoc_is_an_error()
    {
        using var folder = new TempFolder();
        var good = folder.Write("out", "a=1\nb<<EOF\nline 1\nline=2\nEOF\nc=x=y\n");
        var bad = folder.Write("bad", "b<<EOF\nnever closed\n");

        FileCommands.Read(good).ShouldBe([new("a", "1"), new("b", "line 1\nline=2"), new("c", "x=y")]);
        Should.Throw<InvalidDataException>(() => FileCommands.Read(bad));
    }

    [Fact]
    public void An_action_with_an_expression_in_its_script_is_refused()
    {
        using var folder = new TempFolder();
        folder.Write("action.yml", """
            name: bad
            description: interpolates an input into a script
            inputs:
              who:
                description: a name
                default: world
            runs:
              using: composite
              steps:
                - shell: bash
                  run: echo "hello ${{ inputs.who }}"
            """);
        using var job = new SimulatedJob(folder.Path);

        Should.Throw<InvalidOperationException>(() => job.Run(folder.Path, new Dictionary<string, string>()))
            .Message.ShouldContain("inside run:");
        Should.Throw<ArgumentException>(() => job.Run(folder.Path, new Dictionary<string, string> { ["whom"] = "x" }));
    }

    [Fact]
    public void Steps_share_outputs_env_and_path_and_a_failure_skips_the_rest()
    {
        using var folder = new TempFolder();
        folder.Write("action.yml", """
            name: chain
            description: three steps
            inputs:
              code:
                description: exit code of the second step
                default: '0'
            outputs:
              greeting:
                description: from the first step
                value: ${{ steps.one.outputs.greeting }}
            runs:
              using: composite
              steps:
                - id: one
                  shell: bash
                  run: |
                    echo "greeting=hi" >> "$GITHUB_OUTPUT"
                    echo "SHARED=yes" >> "$GITHUB_ENV"
                    echo "/opt/extra" >> "$GITHUB_PATH"
                    echo "# summary" >> "$GITHUB_STEP_SUMMARY"
                - id: two
                  shell: bash
                  env:
                    CODE: ${{ inputs.code }}
                  run: test "$SHARED" = yes && case ":$PATH:" in *:/opt/extra:*) exit "$CODE" ;; esac; exit 99
                - id: three
                  shell: bash
                  run: echo ran
            """);
        using var job = new SimulatedJob(folder.Path);

        var ok = job.Run(folder.Path, new Dictionary<string, string>());
        var failing = job.Run(folder.Path, new Dictionary<string, string> { ["code"] = "7" });

        ok.ShouldExitWith(0);
        ok.Output("greeting").ShouldBe("hi");
        ok.Summary.ShouldBe("# summary\n");
        ok.Step("three").Stdout.ShouldBe("ran\n");
        failing.ShouldExitWith(7);
        failing.Output("greeting").ShouldBe("hi");
        failing.Step("three").Outcome.ShouldBe("skipped");
    }
}
