using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>Writes OpenAI chat-completion chunks as server-sent events, the way vLLM does.</summary>
internal static class OpenAiStream
{
    public static async Task WriteAsync(HttpContext ctx, int tokens, TimeSpan gap, bool usage = true, bool done = true)
    {
        ctx.Response.ContentType = "text/event-stream";
        await Event(ctx, """{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""");
        for (var i = 0; i < tokens; i++)
        {
            if (gap > TimeSpan.Zero)
            {
                await Task.Delay(gap);
            }

            var finish = i == tokens - 1 ? "\"stop\"" : "null";
            await Event(ctx, $$"""{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"tok{{i}} "},"finish_reason":{{finish}}}]}""");
        }

        if (usage)
        {
            await Event(ctx, $$$"""{"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":{{{tokens}}},"total_tokens":{{{tokens + 12}}}}}""");
        }

        if (done)
        {
            await Event(ctx, "[DONE]");
        }
    }

    public static async Task Event(HttpContext ctx, string data)
    {
        await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
        await ctx.Response.Body.FlushAsync();
    }

    public static Task Json(HttpContext ctx, string json)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }
}
