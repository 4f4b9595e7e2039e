using System.Text.Json;

namespace Gates.Core.Text;

/// <summary>
/// Runs a reader over a parsed JSON document and turns a value of the wrong kind or a missing member (what
/// <see cref="JsonElement"/> throws on) into an input error naming the file, instead of an internal error.
/// </summary>
public static class JsonShape
{
    public static T Read<T>(string path, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new GateInputException($"{path}: not a valid {what}: {Describe(e)}");
        }
    }

    private static string Describe(Exception e) => e switch
    {
        KeyNotFoundException => "a required member is missing",
        FormatException or OverflowException => "a number is out of range or not a whole number",
        IndexOutOfRangeException => "an expected entry is missing",
        _ => $"a value has the wrong type ({e.Message.TrimEnd('.')})",
    };
}
