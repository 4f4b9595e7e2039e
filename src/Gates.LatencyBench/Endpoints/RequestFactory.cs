using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gates.LatencyBench.Endpoints;

/// <summary>
/// Builds the HTTP request for a prompt. Bodies are built once per prompt and reused; only a template that uses
/// <c>{{index}}</c> is rendered per request.
/// </summary>
internal sealed class RequestFactory
{
    private readonly EndpointSettings settings;
    private readonly IReadOnlyList<Prompt> prompts;
    private readonly byte[]?[] bodies;
    private readonly byte[]?[] wires;
    private readonly HttpMethod method;
    private readonly MediaTypeHeaderValue contentType;
    private readonly bool perRequest;

    public RequestFactory(EndpointSettings settings, IReadOnlyList<Prompt> prompts)
    {
        this.settings = settings;
        this.prompts = prompts;
        bodies = new byte[]?[prompts.Count];
        wires = new byte[]?[prompts.Count];
        method = new HttpMethod(settings.Method.ToUpperInvariant());
        contentType = MediaTypeHeaderValue.Parse(settings.ContentType);
        perRequest = settings.BodyTemplate?.Contains("{{index}}", StringComparison.Ordinal) == true;
    }

    public HttpRequestMessage Create(long index)
    {
        var slot = (int)(index % prompts.Count);
        var request = new HttpRequestMessage(method, settings.Url) { Version = System.Net.HttpVersion.Version11 };
        var body = perRequest ? Encoding.UTF8.GetBytes(Render(prompts[slot], index)) : bodies[slot] ??= Body(prompts[slot]);
        if (body is { Length: > 0 } || method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body ?? []);
            request.Content.Headers.ContentType = contentType;
        }

        if (settings.Streams)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        foreach (var (name, value) in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (settings.AuthValue is { } secret)
        {
            var value = settings.AuthScheme.Length > 0 ? $"{settings.AuthScheme} {secret}" : secret;
            request.Headers.TryAddWithoutValidation(settings.AuthHeader, value);
        }

        return request;
    }

    /// <summary>
    /// The complete HTTP/1.1 request (head and body) for the raw transport, and whether it is a HEAD request.
    /// Built once per prompt unless the template uses <c>{{index}}</c>.
    /// </summary>
    public (byte[] Bytes, bool IsHead) Serialize(long index)
    {
        var slot = (int)(index % prompts.Count);
        var bytes = perRequest ? Wire(Encoding.UTF8.GetBytes(Render(prompts[slot], index))) : wires[slot] ??= Wire(bodies[slot] ??= Body(prompts[slot]));
        return (bytes, method == HttpMethod.Head);
    }

    private byte[] Wire(byte[] body)
    {
        var head = new StringBuilder();
        head.Append(method.Method).Append(' ').Append(settings.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(settings.Url.Authority).Append("\r\n");
        if (settings.Streams)
        {
            head.Append("Accept: text/event-stream\r\n");
        }

        foreach (var (name, value) in settings.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (settings.AuthValue is { } secret)
        {
            head.Append(settings.AuthHeader).Append(": ").Append(settings.AuthScheme.Length > 0 ? $"{settings.AuthScheme} {secret}" : secret).Append("\r\n");
        }

        if (body.Length > 0 || method != HttpMethod.Get)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. body];
    }

    /// <summary>The body for one prompt, as bytes (empty for a GET without template).</summary>
    public byte[] Body(Prompt prompt)
    {
        if (settings.BodyTemplate is not null)
        {
            return Encoding.UTF8.GetBytes(Render(prompt, 0));
        }

        JsonObject? body = settings.Api switch
        {
            ApiKind.OpenAiChat => OpenAi(prompt, chat: true),
            ApiKind.OpenAiCompletions => OpenAi(prompt, chat: false),
            ApiKind.KServeV1 => prompt.Body?.DeepClone().AsObject() ?? new JsonObject { ["instances"] = new JsonArray(prompt.AsText()) },
            ApiKind.KServeV2 => prompt.Body?.DeepClone().AsObject() ?? new JsonObject
            {
                ["inputs"] = new JsonArray(new JsonObject
                {
                    ["name"] = "text_input",
                    ["shape"] = new JsonArray(1),
                    ["datatype"] = "BYTES",
                    ["data"] = new JsonArray(prompt.AsText()),
                }),
            },
            _ => prompt.Body?.DeepClone().AsObject(),
        };
        if (body is null)
        {
            return method == HttpMethod.Get || method == HttpMethod.Head ? [] : Encoding.UTF8.GetBytes(prompt.AsText());
        }

        if (settings.ExtraBody is { } extra && settings.Api != ApiKind.Http)
        {
            foreach (var (key, value) in extra)
            {
                body[key] = value?.DeepClone();
            }
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private JsonObject OpenAi(Prompt prompt, bool chat)
    {
        if (prompt.Body?.DeepClone().AsObject() is { } given)
        {
            given["stream"] = settings.Stream;
            AddUsage(given);
            return given;
        }

        var body = new JsonObject();
        if (settings.Model is { } model)
        {
            body["model"] = model;
        }

        if (chat)
        {
            body["messages"] = prompt.Messages?.DeepClone() ?? new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt.AsText() });
        }
        else
        {
            body["prompt"] = prompt.AsText();
        }

        body["max_tokens"] = prompt.MaxTokens ?? settings.MaxTokens;
        body["stream"] = settings.Stream;
        AddUsage(body);
        return body;
    }

    private void AddUsage(JsonObject body)
    {
        if (settings.Stream && settings.IncludeUsage)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }
    }

    private string Render(Prompt prompt, long index)
    {
        var escaped = JsonEncodedText.Encode(prompt.AsText(), System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        return settings.BodyTemplate!
            .Replace("{{prompt}}", escaped, StringComparison.Ordinal)
            .Replace("{{max_tokens}}", (prompt.MaxTokens ?? settings.MaxTokens).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{model}}", settings.Model ?? "", StringComparison.Ordinal)
            .Replace("{{index}}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
