using Gates.Core;

namespace Gates.LatencyBench.Endpoints;

/// <summary>The request and response protocol of the endpoint under test.</summary>
internal enum ApiKind
{
    /// <summary>OpenAI-compatible <c>/v1/chat/completions</c>.</summary>
    OpenAiChat,

    /// <summary>OpenAI-compatible <c>/v1/completions</c>.</summary>
    OpenAiCompletions,

    /// <summary>KServe V1 <c>/v1/models/&lt;m&gt;:predict</c>.</summary>
    KServeV1,

    /// <summary>KServe V2 / Open Inference Protocol <c>/v2/models/&lt;m&gt;/infer</c>.</summary>
    KServeV2,

    /// <summary>Any HTTP endpoint: method, headers and a body template.</summary>
    Http,
}

internal static class ApiKinds
{
    public static string Name(this ApiKind kind) => kind switch
    {
        ApiKind.OpenAiChat => "openai-chat",
        ApiKind.OpenAiCompletions => "openai-completions",
        ApiKind.KServeV1 => "kserve-v1",
        ApiKind.KServeV2 => "kserve-v2",
        _ => "http",
    };

    public static bool IsOpenAi(this ApiKind kind) => kind is ApiKind.OpenAiChat or ApiKind.OpenAiCompletions;

    public static ApiKind Parse(string? text, Uri url)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "auto")
        {
            return Detect(url);
        }

        foreach (var kind in Enum.GetValues<ApiKind>())
        {
            if (kind.Name() == text)
            {
                return kind;
            }
        }

        throw new GateInputException($"--api: '{text}' is not one of auto|openai-chat|openai-completions|kserve-v1|kserve-v2|http");
    }

    /// <summary>Infers the protocol from the URL path; anything unrecognised is plain HTTP.</summary>
    public static ApiKind Detect(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return ApiKind.OpenAiChat;
        }

        if (path.EndsWith("/completions", StringComparison.Ordinal))
        {
            return ApiKind.OpenAiCompletions;
        }

        if (path.EndsWith(":predict", StringComparison.Ordinal))
        {
            return ApiKind.KServeV1;
        }

        return path.StartsWith("/v2/models/", StringComparison.Ordinal) && path.EndsWith("/infer", StringComparison.Ordinal)
            ? ApiKind.KServeV2
            : ApiKind.Http;
    }
}
