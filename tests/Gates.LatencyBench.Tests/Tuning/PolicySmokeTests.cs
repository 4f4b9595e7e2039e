using System.Text.Json;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Tuning;

/// <summary>latency-bench policy-smoke against a local gateway: key check (401) and a rate limit (429).</summary>
public class PolicySmokeTests
{
    private static readonly Dictionary<string, string?> Key = new() { ["GW_KEY"] = "s3cret-key" };

    /// <summary>A gateway that wants "Bearer s3cret-key" and lets <paramref name="limit"/> authenticated requests through, then answers 429.</summary>
    private static Task<TestServer> Gateway(int limit)
    {
        var served = 0;
        return TestServer.StartAsync((ctx, _) =>
        {
            if (ctx.Request.Headers.Authorization.ToString() != "Bearer s3cret-key")
            {
                ctx.Response.StatusCode = 401;
                return Task.CompletedTask;
            }

            if (Interlocked.Increment(ref served) > limit)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return OpenAiStream.Json(ctx, """{"choices":[{"message":{"content":"pong"}}]}""");
        });
    }

    [Fact]
    public async Task A_gateway_with_auth_and_a_rate_limit_passes_all_three_checks()
    {
        await using var gateway = await Gateway(limit: 5);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, Key, "policy-smoke", "--url", gateway.BaseUrl + "/v1/chat/completions", "--api-key-env", "GW_KEY",
            "--burst", "10", "--report-json", "report.json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var checks = JsonDocument.Parse(File.ReadAllText(temp.File("report.json"))).RootElement.GetProperty("checks").EnumerateArray().ToList();
        checks.Select(c => c.GetProperty("name").GetString()).ShouldBe(["valid request", "no credentials", "over the rate limit"]);
        checks.ShouldAllBe(c => c.GetProperty("verdict").GetString() == "pass");
        checks[2].GetProperty("reason").GetString()!.ShouldContain("Retry-After: 1");
        (result.Stdout + result.Stderr + File.ReadAllText(temp.File("report.json"))).ShouldNotContain("s3cret-key");
    }

    [Fact]
    public async Task A_gateway_without_a_rate_limit_fails_the_burst_check()
    {
        await using var gateway = await Gateway(limit: int.MaxValue);
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, Key, "policy-smoke", "--url", gateway.BaseUrl + "/v1/chat/completions", "--api-key-env", "GW_KEY", "--burst", "5");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain("the rate limit did not act");
    }

    [Fact]
    public async Task Expected_statuses_are_configurable()
    {
        await using var open = await TestServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = ctx.Request.Headers.ContainsKey("X-Key") ? 200 : 403;
            return Task.CompletedTask;
        });
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, Key, "policy-smoke", "--url", open.BaseUrl + "/score", "--body", "{}", "--api-key-env", "GW_KEY",
            "--auth-header", "X-Key", "--auth-scheme", "none", "--expect-unauthenticated", "401,403", "--expect-limited", "429,503", "--burst", "3",
            "--report-json", "report.json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var checks = JsonDocument.Parse(File.ReadAllText(temp.File("report.json"))).RootElement.GetProperty("checks").EnumerateArray().ToList();
        checks[1].GetProperty("verdict").GetString().ShouldBe("pass");
        checks[1].GetProperty("reason").GetString().ShouldBe("the request without credentials got HTTP 403; expected 401 or 403");
        checks[2].GetProperty("verdict").GetString().ShouldBe("fail");
        result.Stdout.ShouldContain("none of a burst of 3 requests got 429 or 503 (statuses 200: 3)");
    }
}
