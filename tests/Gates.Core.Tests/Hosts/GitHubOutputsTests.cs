using Gates.Core.Hosts;

namespace Gates.Core.Tests.Hosts;

public sealed class GitHubOutputsTests
{
    private const string Delimiter = "gates_delimiter_0123";

    [Fact]
    public void Heredoc_single_line_value_uses_the_multi_line_form() =>
        GitHubOutputs.Heredoc("verdict", "fail", Delimiter)
            .ShouldBe("verdict<<gates_delimiter_0123\nfail\ngates_delimiter_0123\n");

    [Fact]
    public void Heredoc_multi_line_value_keeps_its_lines() =>
        GitHubOutputs.Heredoc("notes", "one\ntwo", Delimiter)
            .ShouldBe("notes<<gates_delimiter_0123\none\ntwo\ngates_delimiter_0123\n");

    [Fact]
    public void Heredoc_value_containing_the_delimiter_is_refused() =>
        Should.Throw<ArgumentException>(() => GitHubOutputs.Heredoc("x", $"a\n{Delimiter}\nevil=1", Delimiter))
            .Message.ShouldContain("contains the delimiter");

    [Fact]
    public void Heredoc_name_containing_the_delimiter_is_refused() =>
        Should.Throw<ArgumentException>(() => GitHubOutputs.Heredoc("x" + Delimiter, "v", Delimiter));

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    [InlineData("a=b")]
    public void Heredoc_bad_name_is_refused(string name) =>
        Should.Throw<ArgumentException>(() => GitHubOutputs.Heredoc(name, "v", Delimiter));

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    public void Heredoc_bad_delimiter_is_refused(string delimiter) =>
        Should.Throw<ArgumentException>(() => GitHubOutputs.Heredoc("x", "v", delimiter));

    [Fact]
    public void NewDelimiter_differs_per_id()
    {
        var first = GitHubOutputs.NewDelimiter(Guid.NewGuid());
        var second = GitHubOutputs.NewDelimiter(Guid.NewGuid());

        first.ShouldStartWith("gates_delimiter_");
        first.ShouldNotBe(second);
    }

    [Fact]
    public void Heredocs_several_outputs_are_concatenated_in_order() =>
        GitHubOutputs.Heredocs([new("a", "1"), new("b", "2")], "D").ShouldBe("a<<D\n1\nD\nb<<D\n2\nD\n");
}
