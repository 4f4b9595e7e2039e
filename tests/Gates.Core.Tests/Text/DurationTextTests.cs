using Gates.Core.Text;

namespace Gates.Core.Tests.Text;

public class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("500ms", 0.5)]
    [InlineData("1m30s", 90)]
    [InlineData("2.5", 2.5)]
    public void Parses_durations(string text, double seconds) =>
        DurationText.Parse(text, "--duration").TotalSeconds.ShouldBe(seconds, 1e-9);

    [Theory]
    [InlineData("")]
    [InlineData("5x")]
    [InlineData("-3s")]
    [InlineData("s")]
    [InlineData("10 minutes")]
    [InlineData("8d")]
    [InlineData("200h")]
    public void Rejects_what_is_not_a_duration(string text) =>
        Should.Throw<GateInputException>(() => DurationText.Parse(text, "--duration")).Message.ShouldContain("--duration");

    [Theory]
    [InlineData(900, "15m")]
    [InlineData(90, "90s")]
    [InlineData(0.25, "0.25s")]
    public void Formats_minutes_when_whole(double seconds, string expected) =>
        DurationText.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
