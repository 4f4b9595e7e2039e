namespace Gates.Actions.Tests.Runner;

/// <summary>
/// Evaluates a YAML value that may hold <c>${{ expression }}</c> parts, as the runner does for <c>env:</c>,
/// <c>with:</c>, <c>working-directory:</c>, input defaults and output values: each part is replaced by its value
/// as text; text around the parts is kept. A value with no parts is returned unchanged.
/// </summary>
public static class Template
{
    public static string Evaluate(string value, Func<string, object?> context, ExpressionFunctions functions)
    {
        var result = new System.Text.StringBuilder();
        var index = 0;
        while (true)
        {
            var start = value.IndexOf("${{", index, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(value, index, value.Length - index);
                return result.ToString();
            }

            var end = value.IndexOf("}}", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new NotSupportedException("unterminated ${{ in: " + value);
            }

            result.Append(value, index, start - index);
            var expression = value[(start + 3)..end];
            result.Append(Expression.ToText(Expression.Evaluate(expression, context, functions)));
            index = end + 2;
        }
    }

    /// <summary>An <c>if:</c> condition: with or without <c>${{ }}</c>, implicitly ANDed with success().</summary>
    public static bool Condition(string? condition, Func<string, object?> context, ExpressionFunctions functions)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return Expression.IsTruthy(functions.Call("success", []));
        }

        var text = condition.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        if (!ExpressionFunctions.HasStatusFunction(text))
        {
            text = $"success() && ({text})";
        }

        return Expression.IsTruthy(Expression.Evaluate(text, context, functions));
    }

    public static bool HasExpression(string value) => value.Contains("${{", StringComparison.Ordinal);
}
