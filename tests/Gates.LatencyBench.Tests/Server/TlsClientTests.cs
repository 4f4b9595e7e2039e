using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>https through the lean client against a local Kestrel with a self-signed certificate.</summary>
public class TlsClientTests
{
    [Fact]
    public async Task Plain_requests_over_https_use_the_lean_client_and_trust_the_given_certificate()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await TestServer.StartAsync((ctx, n) => ctx.Response.WriteAsync("""{"ok":true}"""), certificate);
        using var temp = new TempFolder();
        var ca = TestCertificate.WritePem(certificate, temp.File("ca.pem"));

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/ping", "--api", "http", "--method", "GET",
            "--requests", "40", "--concurrency", "4", "--ca-cert", ca, "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        server.BaseUrl.ShouldStartWith("https://127.0.0.1:");
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("successful_requests").ShouldBe(40);
        r.Metric("error_rate").ShouldBe(0);
        r.Root.GetProperty("load").GetProperty("client").GetString().ShouldBe("raw");
        r.Root.GetProperty("load").GetProperty("tls").GetString().ShouldBe("ca-cert ca.pem");
    }

    [Fact]
    public async Task Streams_over_https_are_timed_chunk_by_chunk()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, tokens: 8, gap: TimeSpan.FromMilliseconds(2)), certificate);
        using var temp = new TempFolder();
        var ca = TestCertificate.WritePem(certificate, temp.File("ca.pem"));

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "12", "--concurrency", "3",
            "--ca-cert", ca, "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("successful_requests").ShouldBe(12);
        r.Metric("output_tokens").ShouldBe(12 * 8);
        r.Metric("ttft_count").ShouldBe(12);
        r.Metric("itl_count").ShouldBe(12 * 7);
        r.Metric("itl_p50_ms").ShouldBeGreaterThanOrEqualTo(1.5);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("system")]
    public async Task An_untrusted_certificate_is_rejected_by_default_with_the_flags_that_fix_it(string client)
    {
        using var certificate = TestCertificate.Create();
        await using var server = await TestServer.StartAsync((ctx, n) => ctx.Response.WriteAsync("ok"), certificate);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/ping", "--api", "http", "--requests", "3",
            "--client", client, "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("cannot reach https://127.0.0.1:");
        result.Stderr.ShouldContain("TLS");
        result.Stderr.ShouldContain("--ca-cert");
        result.Stderr.ShouldContain("--insecure");
        server.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_rejected_even_with_ca_cert()
    {
        using var trusted = TestCertificate.Create();
        using var other = TestCertificate.Create("other");
        await using var server = await TestServer.StartAsync((ctx, n) => ctx.Response.WriteAsync("ok"), other);
        using var temp = new TempFolder();
        var ca = TestCertificate.WritePem(trusted, temp.File("ca.pem"));

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/ping", "--api", "http", "--requests", "3",
            "--ca-cert", ca, "--progress", "off");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("not trusted");
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("system")]
    public async Task Insecure_accepts_any_certificate_in_both_clients(string client)
    {
        using var certificate = TestCertificate.Create();
        await using var server = await TestServer.StartAsync((ctx, n) => ctx.Response.WriteAsync("ok"), certificate);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/ping", "--api", "http", "--requests", "5",
            "--client", client, "--insecure", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        new ResultsFile(temp.File("r.json")).Metric("successful_requests").ShouldBe(5);
    }

    [Fact]
    public async Task Ca_cert_and_insecure_together_are_a_usage_error()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("ca.pem"), "");

        var result = await Tool.RunAsync(temp.Path, "run", "--url", "https://127.0.0.1:9/x", "--ca-cert", "ca.pem", "--insecure", "--progress", "off");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("not both");
    }
}
