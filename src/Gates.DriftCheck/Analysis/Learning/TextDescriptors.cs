namespace Gates.DriftCheck.Analysis.Learning;

/// <summary>Per-text numbers that are compared like numeric columns.</summary>
internal static class TextDescriptors
{
    public const string Length = "text length";
    public const string WordCount = "word count";
    public const string NonLetterShare = "non-letter share";
    public const string OutOfVocabulary = "out-of-vocabulary share";

    public static readonly string[] Names = [Length, WordCount, NonLetterShare, OutOfVocabulary];

    /// <summary>Length in characters (UTF-16 code units outside surrogate pairs count once).</summary>
    public static double Characters(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Share of the characters that are neither letters nor white space (digits, punctuation, symbols); 0 for empty text.</summary>
    public static double NonLetters(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var other = text.Count(c => !char.IsLetter(c) && !char.IsWhiteSpace(c));
        return (double)other / text.Length;
    }

    /// <summary>Share of the words not in <paramref name="vocabulary"/>; 0 for text without words.</summary>
    public static double OutOfVocabularyShare(IReadOnlyList<string> words, HashSet<string> vocabulary) =>
        words.Count == 0 ? 0 : (double)words.Count(w => !vocabulary.Contains(w)) / words.Count;

    /// <summary>
    /// The descriptors of both samples. The vocabulary is the words of a seeded half of the reference sample; the
    /// reference's out-of-vocabulary shares are measured on the other half, so both sides are held out from it.
    /// </summary>
    public static (Dictionary<string, double[]> Reference, Dictionary<string, double[]> Current, int VocabularySize) Of(
        IReadOnlyList<string> reference, IReadOnlyList<string> current, int seed)
    {
        var refWords = reference.Select(Tokens.Words).ToList();
        var curWords = current.Select(Tokens.Words).ToList();
        var order = Enumerable.Range(0, reference.Count).ToArray();
        new Random(seed).Shuffle(order);
        var half = order.Length / 2;
        var vocabulary = order[..half].SelectMany(i => refWords[i]).ToHashSet(StringComparer.Ordinal);
        var heldOut = order[half..];
        return (Describe(reference, refWords, heldOut.Select(i => refWords[i]), vocabulary),
                Describe(current, curWords, curWords, vocabulary),
                vocabulary.Count);
    }

    private static Dictionary<string, double[]> Describe(IReadOnlyList<string> texts, List<List<string>> words, IEnumerable<List<string>> oovWords, HashSet<string> vocabulary) => new()
    {
        [Length] = [.. texts.Select(Characters)],
        [WordCount] = [.. words.Select(w => (double)w.Count)],
        [NonLetterShare] = [.. texts.Select(NonLetters)],
        [OutOfVocabulary] = [.. oovWords.Select(w => OutOfVocabularyShare(w, vocabulary))],
    };
}
