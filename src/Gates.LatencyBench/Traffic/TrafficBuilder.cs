using System.Text.Json.Nodes;
using Gates.LatencyBench.Endpoints;

namespace Gates.LatencyBench.Traffic;

/// <summary>
/// Builds the prompts of a run from the traffic settings, all from the seed (the same seed gives the same
/// traffic): synthetic prompts with lengths drawn from a distribution (or a dataset file, in turn or shuffled), a
/// shared system prompt in front of every request, multi-turn conversations whose later turns carry the earlier
/// user turns and assistant answers (answers are synthetic, of max_tokens words, since the run does not keep the
/// server's text), and a share of maximum-context requests.
/// </summary>
internal static class TrafficBuilder
{
    /// <summary>Synthetic prompts made per run (conversations × turns when multi-turn).</summary>
    public const int SyntheticCount = 100;

    public static IReadOnlyList<Prompt> Build(TrafficSettings traffic, IReadOnlyList<Prompt>? dataset, int promptWords, int maxTokens, int seed)
    {
        var random = new Random(seed);
        var length = traffic.Length ?? PromptLength.Fixed(promptWords);
        var system = traffic.SystemPromptWords > 0 ? PromptSource.Synthetic(traffic.SystemPromptWords, 1, seed ^ 0x5eed).Single().Text! : null;
        var users = dataset is null
            ? Enumerable.Range(0, SyntheticCount).Select(_ => Text(length.Draw(random), random)).Select(t => new Prompt { Text = t }).ToList()
            : traffic.Shuffle ? [.. dataset.OrderBy(_ => random.Next())] : [.. dataset];
        var prompts = new List<Prompt>();
        var i = 0;
        while (i < users.Count)
        {
            var history = new JsonArray();
            if (system is not null)
            {
                history.Add(new JsonObject { ["role"] = "system", ["content"] = system });
            }

            for (var turn = 0; turn < traffic.Turns && i < users.Count; turn++, i++)
            {
                var user = MaxContext(traffic, maxTokens, random) is { } words ? new Prompt { Text = Text(words, random) } : users[i];
                if (user.Body is not null || (system is null && traffic.Turns == 1))
                {
                    prompts.Add(user);
                    continue;
                }

                var messages = history.DeepClone().AsArray();
                foreach (var message in user.Messages ?? [new JsonObject { ["role"] = "user", ["content"] = user.AsText() }])
                {
                    messages.Add(message?.DeepClone());
                }

                prompts.Add(new Prompt { Messages = messages, MaxTokens = user.MaxTokens });
                history = messages.DeepClone().AsArray();
                history.Add(new JsonObject { ["role"] = "assistant", ["content"] = Text(user.MaxTokens ?? maxTokens, random) });
            }
        }

        return prompts;
    }

    /// <summary>The prompt length of a maximum-context request (context − max_tokens, in words), for the share asked; else null.</summary>
    private static int? MaxContext(TrafficSettings traffic, int maxTokens, Random random) =>
        traffic.MaxContext is { } context && traffic.MaxContextShare > 0 && random.NextDouble() < traffic.MaxContextShare
            ? Math.Max(1, context - maxTokens)
            : null;

    private static string Text(int words, Random random) => PromptSource.Synthetic(words, 1, random.Next()).Single().Text!;
}
