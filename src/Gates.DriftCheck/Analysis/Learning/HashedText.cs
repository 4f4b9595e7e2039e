namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>
/// Text as hashed n-gram counts: lower-cased words (runs of letters and digits) and word bigrams, plus character
/// 3-grams inside each word padded with spaces; each n-gram goes to one of 2^bits slots by FNV-1a with a sign bit, the
/// counts become 1 + ln(count), and the vector is scaled to unit length.
/// </summary>
internal static class HashedText
{
    public const int DefaultBits = 18;

    public static SparseVector Features(string text, int bits = DefaultBits)
    {
        var mask = (1 << bits) - 1;
        var counts = new Dictionary<int, float>();
        var words = Tokens.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            Add(counts, Hash("w:" + words[i]), mask);
            if (i > 0)
            {
                Add(counts, Hash("b:" + words[i - 1] + " " + words[i]), mask);
            }

            var padded = " " + words[i] + " ";
            for (var k = 0; k + 3 <= padded.Length; k++)
            {
                Add(counts, Hash("c:" + padded.Substring(k, 3)), mask);
            }
        }

        var indices = counts.Keys.Order().ToArray();
        var values = indices.Select(k => MathF.Sign(counts[k]) * (1 + MathF.Log(MathF.Abs(counts[k])))).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        if (norm > 0)
        {
            for (var k = 0; k < values.Length; k++)
            {
                values[k] /= norm;
            }
        }

        return new SparseVector(indices, values);
    }

    private static void Add(Dictionary<int, float> counts, uint hash, int mask)
    {
        var slot = (int)(hash & (uint)mask);
        var sign = (hash & 0x80000000u) != 0 ? -1f : 1f;
        counts[slot] = counts.GetValueOrDefault(slot) + sign;
        if (counts[slot] == 0)
        {
            counts.Remove(slot);
        }
    }

    private static uint Hash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}

/// <summary>How text is cut into words.</summary>
internal static class Tokens
{
    /// <summary>Lower-cased runs of letters and digits.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
