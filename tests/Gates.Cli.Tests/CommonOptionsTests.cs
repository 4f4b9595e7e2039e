using System.CommandLine;
using Gates.Core;

namespace Gates.Cli.Tests;

public class CommonOptionsTests
{
    private static CommonSettings Bind(string[] args, params (string, string)[] variables)
    {
        var (env, _, _) = TestEnvironment.Create("/work", variables);
        var options = new CommonOptions(env);
        var root = new RootCommand();
        options.AddTo(root);
        var parse = root.Parse(args);
        parse.Errors.ShouldBeEmpty();
        return options.Bind(parse, env);
    }

    [Fact]
    public void Defaults_are_safe()
    {
        var settings = Bind([]);

        settings.Format.ShouldBe("text");
        settings.FailOn.ShouldBe(FailOn.Fail);
        settings.OnInconclusive.ShouldBe(InconclusivePolicy.Exit);
        settings.PrComment.ShouldBe(PrCommentMode.Auto);
        settings.CommentMode.ShouldBe(Gates.Cli.Comments.CommentMode.Update);
        settings.CommentKey.ShouldBeNull();
        settings.PrNumber.ShouldBeNull();
        settings.Thresholds.ShouldBeNull();
        Should.Throw<GateInputException>(() => settings.RequireThresholds()).Message.ShouldContain("GATES_THRESHOLDS");
    }

    [Fact]
    public void Every_flag_reads_its_environment_variable_and_the_flag_wins()
    {
        var settings = Bind(["--format", "json"],
            ("GATES_THRESHOLDS", "t.yaml"), ("GATES_FORMAT", "markdown"), ("GATES_FAIL_ON", "warn"),
            ("GATES_ON_INCONCLUSIVE", "fail"), ("GATES_REPORT_JSON", "out/report.json"), ("GATES_CI", "gitlab"),
            ("GATES_OUTPUTS_DIR", "outputs"), ("GATES_SUBJECT_MODEL", "fraud"), ("GATES_SUBJECT_VERSION", "13"), ("GATES_VERBOSE", "true"),
            ("GATES_PR_COMMENT", "required"), ("GATES_COMMENT_KEY", "nightly"), ("GATES_COMMENT_MODE", "recreate"), ("GATES_PR_NUMBER", "42"));

        settings.Thresholds.ShouldBe("/work/t.yaml");
        settings.Format.ShouldBe("json");
        settings.FailOn.ShouldBe(FailOn.Warn);
        settings.OnInconclusive.ShouldBe(InconclusivePolicy.Fail);
        settings.ReportJson.ShouldBe("/work/out/report.json");
        settings.Ci.ShouldBe("gitlab");
        settings.OutputsDir.ShouldBe("/work/outputs");
        settings.SubjectModel.ShouldBe("fraud");
        settings.SubjectVersion.ShouldBe("13");
        settings.Verbose.ShouldBeTrue();
        settings.PrComment.ShouldBe(PrCommentMode.Required);
        settings.CommentKey.ShouldBe("nightly");
        settings.CommentMode.ShouldBe(Gates.Cli.Comments.CommentMode.Recreate);
        settings.PrNumber.ShouldBe(42);
    }

    [Theory]
    [InlineData("--format", "xml", "--format: 'xml'")]
    [InlineData("--fail-on", "sometimes", "--fail-on: 'sometimes' is not one of")]
    [InlineData("--on-inconclusive", "1", "--on-inconclusive: '1'")]
    [InlineData("--pr-comment", "always", "--pr-comment: 'always' is not one of auto|off|required")]
    [InlineData("--comment-mode", "append", "--comment-mode: 'append' is not one of update|recreate|off")]
    [InlineData("--pr-number", "12a", "--pr-number: '12a' is not a positive whole number")]
    [InlineData("--pr-number", "0", "--pr-number: '0'")]
    public void Bad_words_name_the_flag(string flag, string value, string expected)
    {
        Should.Throw<GateInputException>(() => Bind([flag, value])).Message.ShouldContain(expected);
    }
}
