using System.Collections.Concurrent;
using System.Text.Json;
using Gates.Core;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Tests.Support;
using Gates.LatencyBench.Traffic;
using Gates.Testing;

namespace Gates.LatencyBench.Tests.Tuning;

/// <summary>Traffic like production: length distributions, a shared system prompt, conversations, maximum-context requests, output control.</summary>
public class TrafficTests
{
    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Normal_lengths_spread_around_their_mean_and_the_same_seed_gives_the_same_prompts()
    {
        var traffic = new TrafficSettings { Length = PromptLength.Parse("normal:200,50") };

        var prompts = TrafficBuilder.Build(traffic, null, 128, 16, seed: 7);
        var again = TrafficBuilder.Build(traffic, null, 128, 16, seed: 7);

        var lengths = prompts.Select(p => Words(p.Text!)).ToList();
        lengths.Count.ShouldBe(TrafficBuilder.SyntheticCount);
        lengths.Average().ShouldBeInRange(180, 220);
        lengths.Distinct().Count().ShouldBeGreaterThan(20);
        again.Select(p => p.Text).ShouldBe(prompts.Select(p => p.Text));
    }

    [Fact]
    public void Conversations_carry_their_history_behind_one_shared_system_prompt()
    {
        var traffic = new TrafficSettings { SystemPromptWords = 30, Turns = 3 };

        var prompts = TrafficBuilder.Build(traffic, null, 10, 5, seed: 1);

        prompts.Select(p => p.Messages!.Count).Take(6).ShouldBe([2, 4, 6, 2, 4, 6]);
        var system = prompts.Select(p => p.Messages![0]!["content"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
        Words(system).ShouldBe(30);
        prompts[2].Messages![1]!.ToJsonString().ShouldBe(prompts[1].Messages![1]!.ToJsonString());
        prompts[2].Messages![2]!["role"]!.GetValue<string>().ShouldBe("assistant");
    }

    [Fact]
    public void A_share_of_requests_fills_the_context_and_a_dataset_can_be_shuffled()
    {
        var dataset = Enumerable.Range(0, 200).Select(i => new Prompt { Text = $"q{i}" }).ToList();

        var full = TrafficBuilder.Build(new TrafficSettings { MaxContext = 1000, MaxContextShare = 0.2 }, dataset, 10, 100, seed: 3);
        var shuffled = TrafficBuilder.Build(new TrafficSettings { Shuffle = true }, dataset, 10, 100, seed: 3);

        full.Count(p => Words(p.Text!) == 900).ShouldBeInRange(20, 60);
        shuffled.Select(p => p.Text).ShouldNotBe(dataset.Select(p => p.Text));
        shuffled.Select(p => p.Text).Order().ShouldBe(dataset.Select(p => p.Text).Order());
    }

    [Theory]
    [InlineData("normal:10")]
    [InlineData("uniform:5,2")]
    [InlineData("fixed:0")]
    [InlineData("zipf:1,2")]
    public void Bad_length_distributions_are_refused(string text)
    {
        Should.Throw<GateInputException>(() => PromptLength.Parse(text)).Message.ShouldContain("fixed:N, normal:MEAN,SD or uniform:MIN,MAX");
    }

    [Fact]
    public async Task The_requests_carry_the_system_prompt_history_and_output_controls()
    {
        var bodies = new ConcurrentQueue<JsonElement>();
        await using var server = await TestServer.StartAsync(async (ctx, _) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            bodies.Enqueue(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
            await OpenAiStream.WriteAsync(ctx, 2, TimeSpan.Zero);
        });
        using var temp = new TempFolder();

        var result = await Tool.RunAsync(temp.Path, "run", "--url", server.BaseUrl + "/v1/chat/completions", "--requests", "4", "--no-probe",
            "--system-prompt-tokens", "12", "--turns", "2", "--prompt-length", "uniform:5,9", "--min-tokens", "8", "--ignore-eos", "--max-tokens", "8",
            "--save-results", "r.json", "--progress", "off");

        result.ExitCode.ShouldBe(0, result.ToString());
        var sent = bodies.ToList();
        sent.Count.ShouldBe(4);
        sent.ShouldAllBe(b => b.GetProperty("min_tokens").GetInt32() == 8 && b.GetProperty("ignore_eos").GetBoolean());
        sent.Select(b => b.GetProperty("messages").GetArrayLength()).Order().ShouldBe([2, 2, 4, 4]);
        new ResultsFile(temp.File("r.json")).Root.GetProperty("load").GetProperty("traffic").GetProperty("turns").GetInt32().ShouldBe(2);
    }
}
