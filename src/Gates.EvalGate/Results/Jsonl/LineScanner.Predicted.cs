using System.Runtime.InteropServices;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The plain path's guess of each name: lines of a results file repeat the same names in the same order, so the field
/// found at the same position (in the same parent object) on an earlier line is tried first, by comparing its name and
/// closing quote with the line's bytes directly (two masked 8-byte compares for a name of up to 15 bytes). A name
/// that matched is a string without escapes that ends there, so the line reads exactly as if it had been searched.
/// </summary>
internal sealed partial class LineScanner
{
    /// <summary>The field of the object open at each depth of the plain path (-1 at the top).</summary>
    private readonly int[] parents = new int[PlainDepth];
    private Guess[] guesses = new Guess[32];

    /// <summary>The field whose name (then '"') starts at <paramref name="at"/>, if it is the one guessed there; else null.</summary>
    private ScanField? Predicted(ReadOnlySpan<byte> line, int at, int position, int parent)
    {
        if ((uint)position >= (uint)guesses.Length)
        {
            return null;
        }

        ref var guess = ref guesses[position];
        if (guess.Field is null || guess.Parent != parent)
        {
            return null;
        }

        if (line.Length - at >= 16 && guess.KeyLength <= 16)
        {
            var first = MemoryMarshal.Read<ulong>(line[at..]);
            var second = MemoryMarshal.Read<ulong>(line[(at + 8)..]);
            return ((first ^ guess.First) & guess.FirstMask) == 0 && ((second ^ guess.Second) & guess.SecondMask) == 0 ? guess.Field : null;
        }

        var leaf = guess.Field.Utf8.AsSpan(guess.Skip);
        return line.Length - at > leaf.Length && line[at..].StartsWith(leaf) && line[at + leaf.Length] == (byte)'"' ? guess.Field : null;
    }

    /// <summary>Guesses <paramref name="field"/> (its name after the first <paramref name="skip"/> bytes) at this position from now on.</summary>
    private void Remember(int position, int parent, ScanField field, int skip)
    {
        if (position >= guesses.Length)
        {
            if (position >= 1024)
            {
                return;
            }

            Array.Resize(ref guesses, Math.Max(guesses.Length * 2, position + 1));
        }

        ref var guess = ref guesses[position];
        if (guess.Field == field && guess.Parent == parent)
        {
            return;
        }

        var leaf = field.Utf8.AsSpan(skip);
        Span<byte> key = stackalloc byte[16];
        Span<byte> mask = stackalloc byte[16];
        key.Clear();
        mask.Clear();
        var length = leaf.Length + 1;
        if (length <= 16)
        {
            leaf.CopyTo(key);
            key[leaf.Length] = (byte)'"';
            mask[..length].Fill(0xFF);
        }

        guess = new Guess
        {
            Field = field,
            Parent = parent,
            Skip = skip,
            KeyLength = length,
            First = MemoryMarshal.Read<ulong>(key),
            Second = MemoryMarshal.Read<ulong>(key[8..]),
            FirstMask = MemoryMarshal.Read<ulong>(mask),
            SecondMask = MemoryMarshal.Read<ulong>(mask[8..]),
        };
    }

    /// <summary>A guessed field, the parent it was seen in, and its name's last part and closing quote as masked words.</summary>
    private struct Guess
    {
        public ScanField? Field;
        public int Parent;
        public int Skip;
        public int KeyLength;
        public ulong First;
        public ulong Second;
        public ulong FirstMask;
        public ulong SecondMask;
    }
}
