using System.Globalization;
using Gates.Core;

namespace Gates.Cli.Tests;

public class FlagValuesTests
{
    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("1e-3", 0.001)]
    [InlineData(" 2 ", 2)]
    public void Numbers_are_read_in_the_invariant_culture(string text, double expected)
    {
        var before = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo.CurrentCulture = comma;
        try
        {
            FlagValues.Number(text, "--alpha").ShouldBe(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("0,5", "--alpha: '0,5' is not a number from 0 to 1 (also read from GATES_ALPHA)")]
    [InlineData("NaN", "--alpha: 'NaN' is not a number from 0 to 1")]
    [InlineData("Infinity", "--alpha: 'Infinity' is not a number from 0 to 1")]
    [InlineData("2", "--alpha: '2' is not a number from 0 to 1")]
    public void A_bad_number_names_the_flag_the_range_and_the_variable(string text, string message) =>
        Should.Throw<GateInputException>(() => FlagValues.Number(text, "--alpha", 0, 1)).Message.ShouldStartWith(message);

    [Fact]
    public void Absent_values_are_null()
    {
        FlagValues.Number(null, "--alpha").ShouldBeNull();
        FlagValues.Int("  ", "--seed").ShouldBeNull();
        FlagValues.Duration("", "--duration").ShouldBeNull();
        FlagValues.Url(null, "--url").ShouldBeNull();
    }

    [Theory]
    [InlineData("0", "--requests: '0' is not a positive whole number (also read from GATES_REQUESTS)")]
    [InlineData("1.5", "--requests: '1.5' is not a positive whole number")]
    [InlineData("99999999999", "--requests: '99999999999' is not a positive whole number")]
    public void Whole_numbers_are_checked_against_their_range(string text, string message) =>
        Should.Throw<GateInputException>(() => FlagValues.Int(text, "--requests")).Message.ShouldStartWith(message);

    [Fact]
    public void A_whole_number_range_is_named_in_the_error()
    {
        FlagValues.Int("7", "--max-attempts", 1, 50).ShouldBe(7);
        Should.Throw<GateInputException>(() => FlagValues.Int("51", "--max-attempts", 1, 50)).Message.ShouldStartWith("--max-attempts: '51' is not a whole number from 1 to 50");
    }

    [Fact]
    public void Durations_use_the_shared_duration_text()
    {
        FlagValues.Duration("1m30s", "--duration").ShouldBe(TimeSpan.FromSeconds(90));
        FlagValues.Duration("900", "--duration").ShouldBe(TimeSpan.FromMinutes(15));
        Should.Throw<GateInputException>(() => FlagValues.Duration("soon", "--interval")).Message.ShouldStartWith("--interval: 'soon' is not a duration");
        Should.Throw<GateInputException>(() => FlagValues.Duration("0s", "--timeout", positive: true)).Message.ShouldStartWith("--timeout: '0s' is not a duration longer than 0");
    }

    [Theory]
    [InlineData("ftp://host/x")]
    [InlineData("/relative")]
    [InlineData("prometheus:9090")]
    public void Urls_must_be_absolute_http_or_https(string text) =>
        Should.Throw<GateInputException>(() => FlagValues.Url(text, "--prometheus-url")).Message.ShouldStartWith($"--prometheus-url: '{text}' is not an absolute http(s) URL");

    [Fact]
    public void Key_value_splits_at_the_first_equals_sign_outside_brackets()
    {
        var pair = FlagValues.KeyValue("containers[name=model].image=r/m:13", "--set", "PATH=VALUE");

        pair.Key.ShouldBe("containers[name=model].image");
        pair.Value.ShouldBe("r/m:13");
        FlagValues.KeyValue("args=--model_version=13", "--field").Value.ShouldBe("--model_version=13");
        Should.Throw<GateInputException>(() => FlagValues.KeyValue("spec.x", "--set", "PATH=VALUE")).Message.ShouldStartWith("--set: 'spec.x' is not PATH=VALUE");
    }

    [Fact]
    public void A_key_value_list_splits_at_commas_outside_brackets()
    {
        var pairs = FlagValues.KeyValueList("name=img, newTag=2,x[a=1,b=2]=y", "--kustomize-image");

        pairs.Select(p => $"{p.Key}|{p.Value}").ShouldBe(["name|img", "newTag|2", "x[a=1,b=2]|y"]);
    }

    [Fact]
    public void Paths_are_made_absolute_against_the_working_folder()
    {
        var (env, _, _) = TestEnvironment.Create("/work");

        FlagValues.Path("a/b.json", env).ShouldBe(Path.GetFullPath("/work/a/b.json"));
        FlagValues.Path(" ", env).ShouldBeNull();
        Should.Throw<GateInputException>(() => FlagValues.RequiredPath(null, "--current", "the current data", env))
            .Message.ShouldBe("--current is required (or set GATES_CURRENT): the current data");
    }
}
