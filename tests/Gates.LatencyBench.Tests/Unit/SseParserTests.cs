using System.Text;
using Gates.LatencyBench.Http;

namespace Gates.LatencyBench.Tests.Unit;

public class SseParserTests
{
    private static List<string> Parse(params string[] pieces)
    {
        var parser = new SseParser();
        var events = new List<SseEvent>();
        foreach (var piece in pieces)
        {
            parser.Feed(Encoding.UTF8.GetBytes(piece), events);
        }

        return [.. events.Select(e => (e.Type is null ? "" : e.Type + "|") + e)];
    }

    [Fact]
    public void Splits_events_on_blank_lines_and_skips_comments() =>
        Parse(": ping\n\ndata: {\"a\":1}\n\ndata: [DONE]\n\n").ShouldBe(["{\"a\":1}", "[DONE]"]);

    [Fact]
    public void Joins_events_split_across_reads_anywhere()
    {
        var text = "data: {\"x\":\"héllo\"}\r\n\r\ndata: second\r\n\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var parser = new SseParser();
            var events = new List<SseEvent>();
            parser.Feed(bytes.AsSpan(0, cut), events);
            parser.Feed(bytes.AsSpan(cut), events);
            events.Select(e => e.ToString()).ShouldBe(["{\"x\":\"héllo\"}", "second"], $"cut at {cut}");
        }
    }

    [Fact]
    public void Joins_multi_line_data_and_reads_event_types() =>
        Parse("event: error\ndata: line1\ndata: line2\n\n").ShouldBe(["error|line1\nline2"]);

    [Fact]
    public void Accepts_bare_carriage_returns_and_data_without_space() =>
        Parse("data:one\r\rdata:two\r\r").ShouldBe(["one", "two"]);

    [Fact]
    public void Knows_when_the_stream_stopped_mid_event()
    {
        var parser = new SseParser();
        var events = new List<SseEvent>();
        parser.Feed("data: {\"partial\""u8, events);
        events.ShouldBeEmpty();
        parser.HasPartialEvent.ShouldBeTrue();
        parser.Feed("}\n\n"u8, events);
        parser.HasPartialEvent.ShouldBeFalse();
        events.Count.ShouldBe(1);
    }

    [Fact]
    public void Recognises_done() => new SseEvent(null, "[DONE]"u8.ToArray()).IsDone.ShouldBeTrue();
}
