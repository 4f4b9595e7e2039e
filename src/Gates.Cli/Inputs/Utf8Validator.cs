using System.Buffers;
using System.Text;

namespace Gates.Cli.Inputs;

/// <summary>
/// Checks UTF-8 given in pieces, carrying a character split across two pieces, and counts byte offsets. With
/// <paramref name="allowUtf16Or32Bom"/>, a stream that starts with a UTF-16 or UTF-32 byte-order mark is let through
/// unchecked (its reader decodes it by that mark).
/// </summary>
internal sealed class Utf8Validator(string path, bool allowUtf16Or32Bom = false)
{
    private static readonly byte[][] OtherBoms = [[0xFF, 0xFE], [0xFE, 0xFF], [0, 0, 0xFE, 0xFF]];
    private readonly byte[] carry = new byte[8];
    private int carried;
    private long offset;
    private bool off;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (offset == 0 && carried == 0 && allowUtf16Or32Bom)
        {
            foreach (var bom in OtherBoms)
            {
                off |= data.StartsWith(bom);
            }
        }

        if (off)
        {
            return;
        }

        if (carried > 0 && !data.IsEmpty)
        {
            var take = Math.Min(3, data.Length);
            Span<byte> joined = stackalloc byte[carried + take];
            carry.AsSpan(0, carried).CopyTo(joined);
            data[..take].CopyTo(joined[carried..]);
            var status = Rune.DecodeFromUtf8(joined, out _, out var consumed);
            if (status == OperationStatus.InvalidData)
            {
                throw InputProblems.InvalidUtf8(path, offset);
            }

            if (status == OperationStatus.NeedMoreData)
            {
                joined.CopyTo(carry);
                carried = joined.Length;
                return;
            }

            data = data[(consumed - carried)..];
            offset += consumed;
            carried = 0;
        }

        Check(data);
    }

    /// <summary>The end of the input: a character left open there is invalid.</summary>
    public void Finish()
    {
        if (carried > 0)
        {
            throw InputProblems.TruncatedUtf8(path, offset);
        }
    }

    private void Check(ReadOnlySpan<byte> data)
    {
        if (System.Text.Unicode.Utf8.IsValid(data))
        {
            // The usual case, checked without decoding: whole characters only (one split at the end is not valid here).
            offset += data.Length;
            return;
        }

        Span<char> scratch = stackalloc char[1024];
        while (!data.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(data, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            offset += read;
            data = data[read..];
            switch (status)
            {
                case OperationStatus.Done:
                case OperationStatus.DestinationTooSmall:
                    break;
                case OperationStatus.NeedMoreData:
                    data.CopyTo(carry);
                    carried = data.Length;
                    return;
                default:
                    throw InputProblems.InvalidUtf8(path, offset);
            }
        }
    }
}
