using System.Text;

namespace Gates.DriftCheck.Data;

/// <summary>
/// A seeded reservoir sample of a column's values as text. Undeclared columns give up (and free the sample) once 1,000
/// values show they cannot be free text: half or more of them numbers, or (reference side) a mean length under 15
/// characters, which type inference never calls text.
/// </summary>
internal sealed class TextSampler(int capacity, int seed, bool declared, bool reference) : CellSink
{
    public const int DecideAfter = 1_000;

    private readonly Random random = new(seed);
    private List<string>? sample = [];
    private long seen;
    private long numbers;
    private long bytes;

    public override bool Replaces => false;

    /// <summary>The sample (null after giving up).</summary>
    public IReadOnlyList<string>? Sample => sample;

    /// <summary>Non-missing values seen.</summary>
    public long Seen => seen;

    public override void Add(ReadOnlySpan<byte> cell, long row)
    {
        if (sample is null)
        {
            return;
        }

        seen++;
        bytes += cell.Length;
        if (cell.Length > 0 && (char.IsAsciiDigit((char)cell[0]) || cell[0] is (byte)'-' or (byte)'.') && double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            numbers++;
        }

        if (sample.Count < capacity)
        {
            sample.Add(Encoding.UTF8.GetString(cell));
        }
        else
        {
            var slot = random.NextInt64(seen);
            if (slot < capacity)
            {
                sample[(int)slot] = Encoding.UTF8.GetString(cell);
            }
        }

        if (!declared && seen == DecideAfter && (numbers * 2 >= seen || (reference && bytes < 15 * seen)))
        {
            sample = null;
        }
    }

    public override void AddMissing(long row)
    {
    }
}
