using System.Buffers;
using System.Text;

namespace Gates.Cli.Inputs;

/// <summary>Checks UTF-8 given in pieces, carrying a character split across two pieces, and counts byte offsets.</summary>
internal sealed class Utf8Validator(string path)
{
    private readonly byte[] carry = new byte[8];
    private int carried;
    private long offset;

    public void Append(ReadOnlySpan<byte> data)
    {
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
