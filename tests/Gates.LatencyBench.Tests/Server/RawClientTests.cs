using Gates.LatencyBench.Http;
using Gates.LatencyBench.Http.Raw;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>The lean HTTP/1.1 client against scripted framing, and the same runs through both clients.</summary>
public class RawClientTests
{
    private const string Sse = "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private static string Chunk(string data) => $"{System.Text.Encoding.UTF8.GetByteCount(data):x}\r\n{data}\r\n";

    [Fact]
    public void Parses_response_heads()
    {
        var head = ResponseHead.Parse("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive"u8);
        head.ShouldBe(new ResponseHead(200, "OK", "text/event-stream", null, true, false));
        ResponseHead.Parse("HTTP/1.0 404 Not Found\r\nContent-Length: 3"u8).ShouldBe(new ResponseHead(404, "Not Found", null, 3, false, true));
        Should.Throw<MalformedStreamException>(() => ResponseHead.Parse("SSH-2.0-OpenSSH"u8));
        Should.Throw<MalformedStreamException>(() => ResponseHead.Parse("HTTP/1.1 200 OK\r\nContent-Length: ten"u8));
    }

    [Fact]
    public async Task Reads_chunked_streams_with_extensions_trailers_and_interim_responses()
    {
        await using var server = new ScriptedSocketServer(n =>
        [
            "HTTP/1.1 100 Continue\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
            $"{Sse.Length / 2:x};ext=1\r\n{Sse[..(Sse.Length / 2)]}\r\n",
            Chunk(Sse[(Sse.Length / 2)..]),
            "0\r\nX-Trailer: yes\r\n\r\n",
        ]);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "6", "--concurrency", "2",
            "--client", "raw", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("successful_requests").ShouldBe(6);
        r.Metric("output_tokens").ShouldBe(12);
        r.Root.GetProperty("load").GetProperty("client").GetString().ShouldBe("raw");
    }

    [Fact]
    public async Task Reads_close_delimited_bodies_and_reconnects()
    {
        await using var server = new ScriptedSocketServer(n => ["HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n", "{\"predictions\":[1]}"], closeAfterEach: true);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/models/m:predict", "--requests", "5", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        new ResultsFile(temp.File("r.json")).Metric("successful_requests").ShouldBe(5);
    }

    [Fact]
    public async Task Garbage_instead_of_http_is_a_malformed_response()
    {
        await using var server = new ScriptedSocketServer(n => ["SSH-2.0-OpenSSH_9.2\r\n\r\n"], closeAfterEach: true);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/x", "--requests", "3", "--no-probe", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        new ResultsFile(temp.File("r.json")).Errors("malformed_response").ShouldBe(3);
    }

    [Fact]
    public async Task A_connection_the_server_closed_while_idle_is_retried_not_counted()
    {
        // The server closes each connection after answering, without saying so: the next request on the pooled
        // connection fails before any byte arrives and must be retried on a fresh one.
        await using var server = new ScriptedSocketServer(n => ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"], closeAfterEach: true);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/ping", "--requests", "6", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        new ResultsFile(temp.File("r.json")).Metric("error_rate").ShouldBe(0);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("system")]
    public async Task Both_clients_measure_the_same_stream(string client)
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 4, TimeSpan.FromMilliseconds(1)));
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "10", "--concurrency", "3",
            "--client", client, "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("output_tokens").ShouldBe(40);
        r.Metric("itl_count").ShouldBe(30);
        r.Root.GetProperty("load").GetProperty("client").GetString().ShouldBe(client);
    }

    [Fact]
    public async Task Https_is_sent_by_the_raw_client_by_default()
    {
        using var temp = new TempFolder();
        var result = await Tool.RunAsync(temp.Path, "run", "--url", "https://127.0.0.1:9/x", "--requests", "1", "--no-probe", "--save-results", "r.json",
            "--progress", "off");
        result.ExitCode.ShouldBe(3, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Root.GetProperty("load").GetProperty("client").GetString().ShouldBe("raw");
        r.Root.GetProperty("load").GetProperty("tls").GetString().ShouldBe("system trust store");
        r.Errors("connection").ShouldBe(1);
    }
}
