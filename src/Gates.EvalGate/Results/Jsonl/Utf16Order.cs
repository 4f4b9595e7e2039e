namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Compares well-formed UTF-8 text in the order <see cref="StringComparer.Ordinal"/> gives its UTF-16 strings. Bytes
/// order text by code point, UTF-16 units differ in one place: a character above U+FFFF (a surrogate pair, lead
/// bytes F0–F4) sorts before U+E000–U+FFFF (lead bytes EE, EF). Where two texts first differ, both are at the same
/// place in a character, so moving EE and EF above F4 there is enough.
/// </summary>
internal static class Utf16Order
{
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return Key(a[common]).CompareTo(Key(b[common]));
    }

    private static int Key(byte b) => b is 0xEE or 0xEF ? b + 0x10 : b;
}
