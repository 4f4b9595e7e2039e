using System.Text.Json;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Http;

/// <summary>Checks a complete (non-streamed) body against its protocol and takes token counts from it.</summary>
internal static class ResponseValidator
{
    public static void Check(ApiKind api, ReadOnlySpan<byte> body, RequestOutcome outcome)
    {
        switch (api)
        {
            case ApiKind.OpenAiChat or ApiKind.OpenAiCompletions:
                var chunk = ChunkInspector.Inspect(body);
                if (chunk.Error is { } error)
                {
                    throw new MalformedStreamException($"error in response: {error}");
                }

                if (!chunk.HasChoices)
                {
                    throw new MalformedStreamException("the response has no 'choices'");
                }

                outcome.CompletionTokens = chunk.CompletionTokens;
                outcome.PromptTokens = chunk.PromptTokens;
                break;
            case ApiKind.KServeV1:
                Require(body, "predictions", "a KServe V1 response needs a 'predictions' array");
                break;
            case ApiKind.KServeV2:
                Require(body, "outputs", "a KServe V2 response needs an 'outputs' array");
                break;
        }
    }

    private static void Require(ReadOnlySpan<byte> body, string property, string message)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new MalformedStreamException(message);
            }
        }
        catch (JsonException e)
        {
            throw new MalformedStreamException($"invalid JSON: {e.Message}");
        }
    }
}
