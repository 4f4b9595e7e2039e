using Gates.Core.Hosts;

namespace Gates.Core.Tests.Hosts;

public sealed class WorkflowCommandTests
{
    [Fact]
    public void ToString_no_properties_has_no_space_before_the_message() =>
        new WorkflowCommand("notice", "all good").ToString().ShouldBe("::notice::all good");

    [Fact]
    public void ToString_message_escapes_percent_carriage_return_and_newline() =>
        WorkflowCommand.Error("100% sure\r\nnext ::warning::x, y: z").ToString()
            .ShouldBe("::error::100%25 sure%0D%0Anext ::warning::x, y: z");

    [Fact]
    public void ToString_properties_also_escape_colon_and_comma() =>
        WorkflowCommand.Warning("msg", title: "a:b,c%d\ne", file: "src/x.cs", line: 12).ToString()
            .ShouldBe("::warning title=a%3Ab%2Cc%25d%0Ae,file=src/x.cs,line=12::msg");

    [Fact]
    public void ToString_empty_or_missing_properties_are_left_out() =>
        WorkflowCommand.Error("msg", title: "", file: null, line: 3).ToString().ShouldBe("::error line=3::msg");

    [Fact]
    public void ToString_already_escaped_text_is_escaped_again() =>
        WorkflowCommand.Notice("%0A stays literal", title: "%3A").ToString()
            .ShouldBe("::notice title=%253A::%250A stays literal");

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("a:b")]
    public void Constructor_bad_name_throws(string name) =>
        Should.Throw<ArgumentException>(() => new WorkflowCommand(name, "m"));
}
