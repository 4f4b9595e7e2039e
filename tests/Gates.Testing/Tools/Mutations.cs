using System.Text;

namespace Gates.Testing.Tools;

/// <summary>One mutated copy of an input file: what was done to it and its bytes.</summary>
public sealed record Mutation(string Kind, string Detail, byte[] Bytes)
{
    /// <summary>True when the mutation keeps a JSON document's bytes valid UTF-8 and only cuts it short.</summary>
    public bool IsTruncation => Kind == Mutations.Truncate;

    public bool IsInvalidUtf8 => Kind == Mutations.InvalidUtf8;

    public override string ToString() => $"{Kind} ({Detail})";
}

/// <summary>
/// Seeded mutations of an input file for reader fuzz tests: truncations, byte flips, invalid UTF-8, deleted lines
/// and swapped value types (a number for a string and back). The same seed gives the same mutations.
/// </summary>
public static class Mutations
{
    public const string Truncate = "truncate";
    public const string FlipByte = "flip byte";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string DeleteLine = "delete line";
    public const string SwapType = "swap type";

    private static readonly string[] Kinds = [Truncate, FlipByte, InvalidUtf8, DeleteLine, SwapType];

    /// <summary>Yields <paramref name="count"/> mutations of <paramref name="original"/>, cycling through every kind.</summary>
    public static IEnumerable<Mutation> Of(byte[] original, int seed, int count, params string[] kinds)
    {
        var random = new Random(seed);
        var chosen = kinds.Length == 0 ? Kinds : kinds;
        for (var i = 0; i < count; i++)
        {
            yield return Apply(original, chosen[i % chosen.Length], random);
        }
    }

    public static Mutation Apply(byte[] original, string kind, Random random)
    {
        var end = original.AsSpan().TrimEnd("\n\r \t"u8).Length;
        switch (kind)
        {
            case Truncate:
                var cut = random.Next(1, Math.Max(2, end));
                return new Mutation(kind, $"cut at byte {cut}", original[..cut]);
            case FlipByte:
                var at = random.Next(0, original.Length);
                var flipped = (byte[])original.Clone();
                flipped[at] = (byte)random.Next(0x20, 0x7F);
                return new Mutation(kind, $"byte {at} = '{(char)flipped[at]}'", flipped);
            case InvalidUtf8:
                var where = random.Next(0, original.Length);
                byte bad = random.Next(3) switch { 0 => 0xFF, 1 => 0xC3, _ => 0x80 };
                return new Mutation(kind, $"0x{bad:X2} at byte {where}", [.. original[..where], bad, .. original[where..]]);
            case DeleteLine:
                var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
                var line = random.Next(0, lines.Count);
                lines.RemoveAt(line);
                return new Mutation(kind, $"line {line + 1}", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case SwapType:
                return SwapOne(original, random);
            default:
                throw new ArgumentException($"unknown mutation '{kind}'", nameof(kind));
        }
    }

    /// <summary>Replaces one number with a quoted word, or one quoted value with a number.</summary>
    private static Mutation SwapOne(byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"(?<=[:,\[\s])-?\d+(\.\d+)?(?=[,\]\}\s])");
        var strings = System.Text.RegularExpressions.Regex.Matches(text, "(?<=:\\s*)\"[^\"\\n]*\"");
        var useNumber = numbers.Count > 0 && (strings.Count == 0 || random.Next(2) == 0);
        if (!useNumber && strings.Count == 0)
        {
            return new Mutation(SwapType, "nothing to swap", original);
        }

        var match = useNumber ? numbers[random.Next(numbers.Count)] : strings[random.Next(strings.Count)];
        var replacement = useNumber ? "\"fast\"" : "-7";
        var swapped = string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length));
        return new Mutation(SwapType, $"'{match.Value}' at char {match.Index} -> {replacement}", Encoding.UTF8.GetBytes(swapped));
    }
}
