using System.Text;

namespace Gates.Actions.Tests.DocsExamples;

/// <summary>Splits a shell command line into words as sh does for plain text: quotes, backslashes, a <c>#</c> comment.</summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="line"/> and its trailing comment (without the <c>#</c>), if any.</summary>
    public static (IReadOnlyList<string> Words, string? Comment) Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (q == '"' && c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$')
                {
                    word.Append(line[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c == '#' && !inWord)
            {
                return (words, line[(i + 1)..].Trim());
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new FormatException($"unclosed quote in: {line}");
        }

        Flush();
        return (words, null);

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }
    }
}
