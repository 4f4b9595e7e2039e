namespace Gates.Actions.Tests.Runner;

public enum TokenKind { Name, String, Number, Dot, OpenBracket, CloseBracket, OpenParen, CloseParen, Comma, Not, And, Or, Operator, End }

public readonly record struct Token(TokenKind Kind, string Text);

/// <summary>Splits a GitHub Actions expression into tokens. Names may contain '-' and '_' (input ids do).</summary>
public static class ExpressionLexer
{
    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i)));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i]));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i]));
            }
            else
            {
                tokens.Add(Symbol(text, ref i));
            }
        }

        tokens.Add(new Token(TokenKind.End, "end of expression"));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var builder = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new NotSupportedException("unterminated string in expression: " + text);
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            builder.Append(text[i++]);
        }
    }

    private static Token Symbol(string text, ref int i)
    {
        var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
        switch (two)
        {
            case "&&": i += 2; return new Token(TokenKind.And, two);
            case "||": i += 2; return new Token(TokenKind.Or, two);
            case "==" or "!=" or "<=" or ">=": i += 2; return new Token(TokenKind.Operator, two);
        }

        var c = text[i++];
        return c switch
        {
            '.' => new Token(TokenKind.Dot, "."),
            '[' => new Token(TokenKind.OpenBracket, "["),
            ']' => new Token(TokenKind.CloseBracket, "]"),
            '(' => new Token(TokenKind.OpenParen, "("),
            ')' => new Token(TokenKind.CloseParen, ")"),
            ',' => new Token(TokenKind.Comma, ","),
            '!' => new Token(TokenKind.Not, "!"),
            '<' or '>' => new Token(TokenKind.Operator, c.ToString()),
            _ => throw new NotSupportedException($"unexpected character '{c}' in expression: {text}"),
        };
    }
}
