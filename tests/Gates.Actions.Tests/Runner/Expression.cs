using System.Globalization;

namespace Gates.Actions.Tests.Runner;

/// <summary>
/// The part of the GitHub Actions expression language the actions and examples use: context paths
/// (<c>inputs.x</c>, <c>steps.id.outputs.y</c>, <c>a['b']</c>), string, number, boolean and null literals,
/// <c>! == != &lt; &gt; &amp;&amp; ||</c>, parentheses, and the functions in <see cref="ExpressionFunctions"/>.
/// Semantics follow the runner: <c>||</c> and <c>&amp;&amp;</c> return an operand, <c>==</c> compares strings
/// case-insensitively and coerces mixed types to numbers, a missing property is null. Anything else throws,
/// so an action that starts using more of the language fails its test instead of being misread.
/// </summary>
public sealed class Expression
{
    private readonly List<Token> tokens;
    private readonly Func<string, object?> context;
    private readonly ExpressionFunctions functions;
    private int position;

    private Expression(string text, Func<string, object?> context, ExpressionFunctions functions)
    {
        tokens = ExpressionLexer.Tokens(text);
        this.context = context;
        this.functions = functions;
    }

    public static object? Evaluate(string text, Func<string, object?> context, ExpressionFunctions functions)
    {
        var expression = new Expression(text, context, functions);
        var value = expression.Or();
        if (expression.Peek.Kind != TokenKind.End)
        {
            throw new NotSupportedException($"unexpected '{expression.Peek.Text}' in expression: {text}");
        }

        return value;
    }

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    public static string ToText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new NotSupportedException($"cannot turn {value.GetType().Name} into text"),
    };

    private Token Peek => tokens[position];

    private Token Next() => tokens[position++];

    private object? Or()
    {
        var left = And();
        while (Peek.Kind == TokenKind.Or)
        {
            Next();
            var right = And();
            left = IsTruthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Comparison();
        while (Peek.Kind == TokenKind.And)
        {
            Next();
            var right = Comparison();
            left = IsTruthy(left) ? right : left;
        }

        return left;
    }

    private object? Comparison()
    {
        var left = Unary();
        while (Peek.Kind == TokenKind.Operator)
        {
            var op = Next().Text;
            var right = Unary();
            left = ExpressionCompare.Apply(op, left, right);
        }

        return left;
    }

    private object? Unary()
    {
        if (Peek.Kind == TokenKind.Not)
        {
            Next();
            return !IsTruthy(Unary());
        }

        return Postfix(Primary());
    }

    private object? Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.String:
                return token.Text;
            case TokenKind.Number:
                return double.Parse(token.Text, CultureInfo.InvariantCulture);
            case TokenKind.OpenParen:
                var inner = Or();
                Expect(TokenKind.CloseParen);
                return inner;
            case TokenKind.Name when Peek.Kind == TokenKind.OpenParen:
                return Call(token.Text);
            case TokenKind.Name:
                return token.Text switch
                {
                    "true" => true,
                    "false" => false,
                    "null" => null,
                    _ => context(token.Text),
                };
            default:
                throw new NotSupportedException($"unexpected '{token.Text}' in expression");
        }
    }

    private object? Postfix(object? value)
    {
        while (true)
        {
            if (Peek.Kind == TokenKind.Dot)
            {
                Next();
                value = Member(value, Expect(TokenKind.Name).Text);
            }
            else if (Peek.Kind == TokenKind.OpenBracket)
            {
                Next();
                var key = ToText(Or());
                Expect(TokenKind.CloseBracket);
                value = Member(value, key);
            }
            else
            {
                return value;
            }
        }
    }

    private static object? Member(object? value, string name) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var member) ? member : null,
        _ => null,
    };

    private object? Call(string name)
    {
        Expect(TokenKind.OpenParen);
        var arguments = new List<object?>();
        while (Peek.Kind != TokenKind.CloseParen)
        {
            arguments.Add(Or());
            if (Peek.Kind == TokenKind.Comma)
            {
                Next();
            }
        }

        Expect(TokenKind.CloseParen);
        return functions.Call(name, arguments);
    }

    private Token Expect(TokenKind kind)
    {
        var token = Next();
        return token.Kind == kind ? token : throw new NotSupportedException($"expected {kind} but found '{token.Text}'");
    }
}
