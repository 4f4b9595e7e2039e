using System.Text.Json;
using Gates.Cli;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Load;
using Gates.LatencyBench.Run;
using Gates.LatencyBench.Tests.Support;
using Gates.Testing;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Server;

/// <summary>Open loop, shards and merge, Ctrl-C, and the non-OpenAI protocols against local servers.</summary>
public class LoadModelTests
{
    [Fact]
    public async Task Open_loop_reports_offered_and_sent_rates_and_schedule_lag()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.Json(ctx, """{"ok":true}"""));
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/health", "--rate", "200", "--arrival", "poisson",
            "--seed", "5", "--requests", "40", "--save-results", "r.json", "--progress", "plain");

        result.ExitCode.ShouldBeOneOf([0, 4], result.ToString());   // 4 only if this machine could not keep the schedule
        var r = new ResultsFile(temp.File("r.json"));
        r.Metric("requests").ShouldBe(40);
        r.Metric("offered_requests_per_second").ShouldBe(200);
        r.Has("sent_requests_per_second").ShouldBeTrue();
        r.Metric("schedule_lag_count").ShouldBe(40);
        r.Root.GetProperty("load").GetProperty("mode").GetString().ShouldBe("open");
        r.Root.GetProperty("load").GetProperty("arrival").GetString().ShouldBe("poisson");
        (r.Root.GetProperty("valid").GetBoolean() == (result.ExitCode == 0)).ShouldBeTrue();
        result.Stdout.ShouldContain("offered 200 req/s");
    }

    [Fact]
    public async Task Ctrl_c_stops_the_run_and_reports_what_finished_as_partial()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = await TestServer.StartAsync((ctx, n) =>
        {
            if (n == 6)
            {
                cancel.Cancel();
            }

            return OpenAiStream.WriteAsync(ctx, 2, TimeSpan.Zero);
        });
        using var temp = new TempFolder();
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new GateEnvironment(output, error, new Dictionary<string, string?>(), TimeProvider.System, temp.Path);
        var settings = new RunSettings
        {
            Common = new CommonSettings(),
            Endpoint = new EndpointSettings { Url = new Uri(server.BaseUrl + "/v1/chat/completions"), Api = ApiKind.OpenAiChat },
            Plan = new LoadPlan { Concurrency = 1, Duration = TimeSpan.FromMinutes(5) },
            SaveResults = temp.File("r.json"),
            Progress = ProgressMode.Off,
        };

        var exit = await LatencyRun.ExecuteAsync(settings, env, terminal: false, cancel.Token);

        exit.ShouldBe(ExitCodes.Inconclusive, error.ToString());
        error.ToString().ShouldContain("interrupted");
        var r = new ResultsFile(temp.File("r.json"));
        r.Root.GetProperty("interrupted").GetBoolean().ShouldBeTrue();
        r.Root.GetProperty("valid").GetBoolean().ShouldBeFalse();
        r.Metric("requests").ShouldBeGreaterThanOrEqualTo(4);
        output.ToString().ShouldContain("run validity");
    }

    [Fact]
    public async Task Shards_merge_into_one_gated_run()
    {
        await using var server = await TestServer.StartAsync((ctx, n) => OpenAiStream.WriteAsync(ctx, 3, TimeSpan.Zero));
        using var temp = new TempFolder();
        var url = server.BaseUrl + "/v1/chat/completions";
        var thresholds = temp.Write("t.yaml", "gates:\n  errors:\n    metric: error_rate\n    max: 0\n  requests:\n    metric: requests\n    min: 12\n");

        var one = await Tool.RunAsync(temp.Path, "run", "--url", url, "--requests", "5", "--shard", "1/2", "--save-results", "shards/s1.json", "--progress", "off");
        var two = await Tool.RunAsync(temp.Path, "run", "--url", url, "--requests", "7", "--shard", "2/2", "--save-results", "shards/s2.json", "--progress", "off");
        var merged = await Tool.RunAsync(temp.Path, "merge", "shards/s1.json", "shards/s2.json", "--save-results", "merged.json", "--thresholds", thresholds);
        var partial = await Tool.RunAsync(temp.Path, "merge", "shards/s1.json", "--thresholds", thresholds);

        one.ExitCode.ShouldBe(0, one.ToString());
        two.ExitCode.ShouldBe(0, two.ToString());
        File.Exists(temp.File("shards/s1.hlog")).ShouldBeTrue();
        merged.ExitCode.ShouldBe(0, merged.ToString());
        var r = new ResultsFile(temp.File("merged.json"));
        r.Metric("requests").ShouldBe(12);
        r.Metric("ttft_count").ShouldBe(12);
        r.Root.GetProperty("merged_from").GetArrayLength().ShouldBe(2);
        partial.ExitCode.ShouldBe(2, partial.ToString());
        partial.Stderr.ShouldContain("missing shard(s) 2/2");
    }

    [Fact]
    public async Task Kserve_v1_and_v2_bodies_and_answers()
    {
        var bodies = new List<string>();
        await using var server = await TestServer.StartAsync(async (ctx, n) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
            {
                bodies.Add(ctx.Request.Path + " " + body);
            }

            var answer = ctx.Request.Path.Value!.EndsWith(":predict", StringComparison.Ordinal) ? """{"predictions":[[0.1,0.9]]}"""
                : ctx.Request.Path.Value.Contains("broken", StringComparison.Ordinal) ? """{"model_name":"m"}"""
                : """{"model_name":"m","outputs":[{"name":"out","shape":[1],"datatype":"FP32","data":[0.5]}]}""";
            await OpenAiStream.Json(ctx, answer);
        });
        using var temp = new TempFolder();

        var v1 = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/models/m:predict", "--requests", "3", "--save-results", "v1.json", "--progress", "off");
        var v2 = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v2/models/m/infer", "--requests", "3", "--save-results", "v2.json", "--progress", "off");
        var bad = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v2/models/broken/infer", "--requests", "3", "--no-probe", "--save-results", "bad.json", "--progress", "off");

        v1.ExitCode.ShouldBe(0, v1.ToString());
        v2.ExitCode.ShouldBe(0, v2.ToString());
        new ResultsFile(temp.File("v1.json")).Root.GetProperty("target").GetProperty("api").GetString().ShouldBe("kserve-v1");
        new ResultsFile(temp.File("v2.json")).Metric("error_rate").ShouldBe(0);
        bodies.ShouldContain(b => b.StartsWith("/v1/models/m:predict {\"instances\":[", StringComparison.Ordinal));
        bodies.ShouldContain(b => b.StartsWith("/v2/models/m/infer {\"inputs\":[{\"name\":\"text_input\"", StringComparison.Ordinal));
        bad.ExitCode.ShouldBe(3, bad.ToString());
        new ResultsFile(temp.File("bad.json")).Errors("malformed_response").ShouldBe(3);
    }

    [Fact]
    public async Task Generic_http_uses_the_method_headers_and_body_template()
    {
        var seen = new List<string>();
        await using var server = await TestServer.StartAsync(async (ctx, n) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var line = $"{ctx.Request.Method} {ctx.Request.Headers["X-Team"]} {await reader.ReadToEndAsync()}";
            lock (seen)
            {
                seen.Add(line);
            }

            await ctx.Response.WriteAsync("fine");
        });
        using var temp = new TempFolder();
        File.WriteAllLines(temp.File("p.jsonl"), ["{\"prompt\":\"say \\\"hi\\\"\"}"]);

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/generate", "--api", "http", "--method", "PUT",
            "-H", "X-Team: ml", "--body-template", "{\"q\":\"{{prompt}}\",\"n\":{{index}},\"max\":{{max_tokens}}}", "--prompts", "p.jsonl",
            "--requests", "2", "--no-probe", "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        seen.Order().ShouldBe(["PUT ml {\"q\":\"say \\\"hi\\\"\",\"n\":0,\"max\":128}", "PUT ml {\"q\":\"say \\\"hi\\\"\",\"n\":1,\"max\":128}"]);
        JsonDocument.Parse(File.ReadAllText(temp.File("r.json"))).RootElement.GetProperty("target").GetProperty("stream").GetBoolean().ShouldBeFalse();
    }
}
