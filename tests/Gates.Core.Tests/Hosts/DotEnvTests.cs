using Gates.Core.Hosts;

namespace Gates.Core.Tests.Hosts;

public sealed class DotEnvTests
{
    [Theory]
    [InlineData("eval-gate", "verdict", "GATES_EVAL_GATE_VERDICT")]
    [InlineData("latency-bench", "report-json", "GATES_LATENCY_BENCH_REPORT_JSON")]
    [InlineData("drift check!", "passed", "GATES_DRIFT_CHECK__PASSED")]
    public void Key_tool_and_name_become_upper_snake_case(string tool, string name, string expected) =>
        DotEnv.Key(tool, name).ShouldBe(expected);

    [Fact]
    public void Build_variables_are_key_value_lines() =>
        DotEnv.Build([new("GATES_EVAL_GATE_VERDICT", "fail"), new("GATES_EVAL_GATE_PASSED", "false")])
            .ShouldBe("GATES_EVAL_GATE_VERDICT=fail\nGATES_EVAL_GATE_PASSED=false\n");

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    public void Line_multi_line_value_is_refused(string value) =>
        Should.Throw<ArgumentException>(() => DotEnv.Line("KEY", value)).Message.ShouldContain("several lines");

    [Theory]
    [InlineData("")]
    [InlineData("WITH-DASH")]
    [InlineData("A=B")]
    public void Line_bad_key_is_refused(string key) =>
        Should.Throw<ArgumentException>(() => DotEnv.Line(key, "v"));
}
