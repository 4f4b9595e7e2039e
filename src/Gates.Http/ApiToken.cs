namespace Gates.Http;

/// <summary>
/// A token and the variable it came from. It prints as the variable's name only, so a token never reaches a log
/// through string formatting; <see cref="Redact"/> removes it from any text built elsewhere.
/// </summary>
public sealed class ApiToken(string variable, string value)
{
    public string Variable { get; } = variable;

    public string Value { get; } = value;

    public string Redact(string text) => ApiTokens.Redact(text, Value);

    public override string ToString() => $"{Variable} (***)";
}
