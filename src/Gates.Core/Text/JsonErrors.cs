using System.Text.Json;

namespace Gates.Core.Text;

/// <summary>Turns a <see cref="JsonException"/> into a short message without the parser's position suffix.</summary>
public static class JsonErrors
{
    public static string Describe(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        var column = e.BytePositionInLine is { } position ? $" (byte {position + 1})" : "";
        return $"invalid JSON{column}: {message.TrimEnd()}";
    }

    /// <summary>1-based line of the error within the parsed text, when the parser knows it.</summary>
    public static long? Line(JsonException e) => e.LineNumber + 1;
}
