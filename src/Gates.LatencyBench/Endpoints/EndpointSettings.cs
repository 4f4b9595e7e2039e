namespace Gates.LatencyBench.Endpoints;

/// <summary>Where and how to send requests. <see cref="AuthValue"/> is a secret: it is never printed or written.</summary>
internal sealed record EndpointSettings
{
    public required Uri Url { get; init; }
    public required ApiKind Api { get; init; }
    public string? Model { get; init; }
    public bool Stream { get; init; } = true;
    public int MaxTokens { get; init; } = 128;

    /// <summary>Ask the server for usage in the last chunk (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage { get; init; } = true;

    public string Method { get; init; } = "POST";
    public string? BodyTemplate { get; init; }
    public string ContentType { get; init; } = "application/json";
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Extra JSON fields merged into OpenAI and KServe bodies (temperature, ignore_eos …).</summary>
    public System.Text.Json.Nodes.JsonObject? ExtraBody { get; init; }

    public string AuthHeader { get; init; } = "Authorization";
    public string AuthScheme { get; init; } = "Bearer";
    public string? AuthValue { get; init; }

    /// <summary>Name of the environment variable the secret came from, for reports.</summary>
    public string? AuthVariable { get; init; }

    /// <summary>Whether responses are read as server-sent events.</summary>
    public bool Streams => Stream && Api.IsOpenAi();

    /// <summary>The URL without user info and query string, safe to print.</summary>
    public string SafeUrl => new UriBuilder(Url) { UserName = "", Password = "", Query = "" }.Uri.ToString();
}
