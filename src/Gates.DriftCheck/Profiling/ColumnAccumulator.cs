using System.Globalization;
using System.Text;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Everything one pass over a column learns, before its type is known: missing values, the numbers (while the
/// values parse as numbers), counts of distinct values, text lengths and ISO dates. The type is decided afterwards
/// (<see cref="TypeInference"/>), so no second pass is needed.
/// </summary>
internal sealed class ColumnAccumulator
{
    /// <summary>Distinct values tracked while a column looks numeric (enough to tell codes from measurements).</summary>
    public const int NumericDistinctLimit = 1_000;

    private readonly MissingValues missing;
    private readonly int maxFieldBytes;

    private readonly int distinctLimit;

    public ColumnAccumulator(string name, MissingValues missing, int maxFieldBytes, int distinctLimit, long missingBefore = 0,
        int exactNumbers = NumberSketch.DefaultExactLimit)
    {
        Name = name;
        Numbers = new NumberSketch(exactNumbers);
        this.missing = missing;
        this.maxFieldBytes = maxFieldBytes;
        this.distinctLimit = distinctLimit;
        Distinct = new ByteCounter(Math.Min(NumericDistinctLimit, distinctLimit));
        Rows = missingBefore;
        Missing = missingBefore;
    }

    public string Name { get; }

    /// <summary>Also receives the cells (text samples), or takes them instead of the summaries (embedding parts).</summary>
    public Data.CellSink? Sink { get; init; }

    public long Rows { get; private set; }

    public long Missing { get; private set; }

    public long NonMissing => Rows - Missing;

    /// <summary>Finite numbers: exactly up to a limit, then summarised (<see cref="NumberSketch"/>).</summary>
    public NumberSketch Numbers { get; }

    public long NumericCells { get; private set; }

    /// <summary>±Infinity: excluded from the numbers and counted apart.</summary>
    public long NonFinite { get; private set; }

    public long TextCells { get; private set; }

    public (long Row, string Value)? FirstText { get; private set; }

    public (long Row, string Value)? FirstNumber { get; private set; }

    /// <summary>The first value that is not an ISO date (a number or other text).</summary>
    public (long Row, string Value)? FirstNonDate { get; private set; }

    public bool AllIntegers { get; private set; } = true;

    public bool StrictlyIncreasing { get; private set; } = true;

    public ByteCounter Distinct { get; }

    /// <summary>False once some value was not counted in <see cref="Distinct"/>.</summary>
    public bool DistinctComplete => Distinct.Overflow == 0 && skippedDistinct == 0;

    public long TextChars { get; private set; }

    public long TextWithSpaces { get; private set; }

    /// <summary>Count of text values by length in characters.</summary>
    public IReadOnlyDictionary<int, long> TextLengths
    {
        get
        {
            var all = new Dictionary<int, long>(longLengths);
            for (var length = 0; length < shortLengths.Length; length++)
            {
                if (shortLengths[length] > 0)
                {
                    all[length] = shortLengths[length];
                }
            }

            return all;
        }
    }

    public long DateCells { get; private set; }

    public bool DatesHaveTime { get; private set; }

    public DateTime? MinDate { get; private set; }

    public DateTime? MaxDate { get; private set; }

    public long[] HourCounts { get; } = new long[24];

    public long[] WeekdayCounts { get; } = new long[7];

    /// <summary>A value longer than the field limit: the column cannot be trusted.</summary>
    public (long Row, int Bytes)? Oversized { get; private set; }

    private double lastNumber = double.NegativeInfinity;
    private double firstNumber = double.NaN;
    private long skippedDistinct;

    // Text lengths below ShortLength are counted in an array, longer ones in a dictionary.
    private const int ShortLength = 256;
    private readonly long[] shortLengths = new long[ShortLength];
    private readonly Dictionary<int, long> longLengths = [];

    public void AddMissing(long count = 1)
    {
        Rows += count;
        Missing += count;
        Sink?.AddMissing(Rows - count + 1);
    }

    public void Add(ReadOnlySpan<byte> cell, long row)
    {
        Rows++;
        if (missing.IsMissing(cell))
        {
            Missing++;
            Sink?.AddMissing(row);
            return;
        }

        if (Sink is { Replaces: true } replacing)
        {
            replacing.Add(cell, row);
            return;
        }

        if (cell.Length > maxFieldBytes)
        {
            Oversized ??= (row, cell.Length);
            Missing++;
            return;
        }

        Sink?.Add(cell, row);
        if (TryNumber(cell, out var number, out var mantissa, out var digits))
        {
            AddNumber(number, mantissa, digits, cell, row);
        }
        else
        {
            AddText(cell, row);
        }

        if (Distinct.IsFull && TextCells == 0)
        {
            // A column of many distinct numbers: its values are in Numbers, counting them would only cost time.
            skippedDistinct++;
        }
        else
        {
            Distinct.Add(cell);
        }
    }

    /// <summary>A number; <paramref name="digits"/> is -1 unless it is exactly <paramref name="mantissa"/> / 10^digits (<see cref="FastNumber"/>).</summary>
    private void AddNumber(double number, long mantissa, int digits, ReadOnlySpan<byte> cell, long row)
    {
        if (!double.IsFinite(number))
        {
            NonFinite++;
            return;
        }

        NumericCells++;
        if (FirstNumber is null)
        {
            FirstNumber = (row, Encoding.UTF8.GetString(cell));
            FirstNonDate ??= FirstNumber;
        }

        if (digits >= 0)
        {
            Numbers.Add(number, mantissa, digits);
        }
        else
        {
            Numbers.Add(number);
        }
        if (NumericCells == 1)
        {
            firstNumber = number;
        }

        if (AllIntegers && number != Math.Floor(number))
        {
            AllIntegers = false;
        }

        if (StrictlyIncreasing)
        {
            StrictlyIncreasing = number > lastNumber;
            lastNumber = number;
        }
    }

    private void AddText(ReadOnlySpan<byte> cell, long row)
    {
        if (TextCells == 0)
        {
            FirstText = (row, Encoding.UTF8.GetString(cell[..Math.Min(cell.Length, 200)]));
            Distinct.Raise(distinctLimit);
        }

        TextCells++;
        var chars = CharCount(cell);
        TextChars += chars;
        if (chars < ShortLength)
        {
            shortLengths[chars]++;
        }
        else
        {
            longLengths[chars] = longLengths.GetValueOrDefault(chars) + 1;
        }
        if (cell.IndexOf((byte)' ') >= 0)
        {
            TextWithSpaces++;
        }

        // Text that did not start with dates is not a date column: stop trying after a few values.
        if (DateCells == 0 && TextCells > 100)
        {
            return;
        }

        if (!IsoDateTime.TryParse(cell, out var date, out var hasTime))
        {
            FirstNonDate ??= (row, Encoding.UTF8.GetString(cell[..Math.Min(cell.Length, 200)]));
        }
        else
        {
            DateCells++;
            DatesHaveTime |= hasTime;
            MinDate = MinDate is { } min && min <= date ? min : date;
            MaxDate = MaxDate is { } max && max >= date ? max : date;
            HourCounts[date.Hour]++;
            WeekdayCounts[(int)date.DayOfWeek]++;
        }
    }

    /// <summary>
    /// Takes in what another accumulator learned from the rows that follow this one's (a later part of the same
    /// file read in parallel); its row numbers are shifted by <paramref name="rowOffset"/>. The other is left empty.
    /// </summary>
    public void Append(ColumnAccumulator next, long rowOffset)
    {
        FirstText ??= Shift(next.FirstText, rowOffset);
        FirstNumber ??= Shift(next.FirstNumber, rowOffset);
        FirstNonDate ??= Shift(next.FirstNonDate, rowOffset);
        Oversized ??= next.Oversized is { } big ? (big.Row + rowOffset, big.Bytes) : null;
        if (next.NumericCells > 0)
        {
            StrictlyIncreasing = StrictlyIncreasing && next.StrictlyIncreasing && (NumericCells == 0 || lastNumber < next.firstNumber);
            if (NumericCells == 0)
            {
                firstNumber = next.firstNumber;
            }

            lastNumber = next.lastNumber;
        }

        Rows += next.Rows;
        Missing += next.Missing;
        Numbers.Append(next.Numbers);
        NumericCells += next.NumericCells;
        NonFinite += next.NonFinite;
        TextCells += next.TextCells;
        AllIntegers &= next.AllIntegers;
        Distinct.Append(next.Distinct);
        skippedDistinct += next.skippedDistinct;
        TextChars += next.TextChars;
        TextWithSpaces += next.TextWithSpaces;
        for (var i = 0; i < ShortLength; i++)
        {
            shortLengths[i] += next.shortLengths[i];
        }

        foreach (var (length, count) in next.longLengths)
        {
            longLengths[length] = longLengths.GetValueOrDefault(length) + count;
        }

        DateCells += next.DateCells;
        DatesHaveTime |= next.DatesHaveTime;
        MinDate = Earlier(MinDate, next.MinDate);
        MaxDate = Later(MaxDate, next.MaxDate);
        for (var i = 0; i < HourCounts.Length; i++)
        {
            HourCounts[i] += next.HourCounts[i];
        }

        for (var i = 0; i < WeekdayCounts.Length; i++)
        {
            WeekdayCounts[i] += next.WeekdayCounts[i];
        }
    }

    private static (long Row, string Value)? Shift((long Row, string Value)? first, long offset) =>
        first is { } f ? (f.Row + offset, f.Value) : null;

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static bool TryNumber(ReadOnlySpan<byte> cell, out double value, out long mantissa, out int digits)
    {
        mantissa = 0;
        digits = -1;
        var first = cell[0];
        if (first is not ((>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)' '
            or (byte)'i' or (byte)'I' or (byte)'n' or (byte)'N'))
        {
            value = 0;
            return false;
        }

        if (FastNumber.TryParse(cell, out value, out mantissa, out digits))
        {
            return true;
        }

        digits = -1;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Characters (code points) of UTF-8 text: the bytes that do not continue a character.</summary>
    public static int CharCount(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Ascii.IsValid(utf8))
        {
            return utf8.Length;
        }

        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
