using System.Text;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Tests.Profiling;

public class ByteCounterTests
{
    [Fact]
    public void Counts_agree_with_a_dictionary_of_strings_in_first_seen_order_through_growth()
    {
        var random = new Random(11);
        var counter = new ByteCounter(100_000);
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < 60_000; i++)
        {
            // Lengths 0 to 40 cover every branch of the hash; similar values differ in one byte only.
            var value = random.Next(4) switch
            {
                0 => $"cat{random.Next(50)}_level_{random.Next(100)}",
                1 => new string('x', random.Next(41)),
                2 => random.Next(3000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "é" + new string('a', random.Next(20)) + "ü",
            };
            counter.Add(Encoding.UTF8.GetBytes(value));
            if (!expected.TryAdd(value, 1))
            {
                expected[value]++;
            }
            else
            {
                order.Add(value);
            }
        }

        counter.Overflow.ShouldBe(0);
        counter.Distinct.ShouldBe(expected.Count);
        counter.Entries().Select(e => e.Value).ShouldBe(order);
        counter.Entries().ShouldAllBe(e => expected[e.Value] == e.Count);
    }

    [Fact]
    public void A_full_counter_still_counts_known_values_and_puts_new_ones_in_overflow()
    {
        var counter = new ByteCounter(2);
        foreach (var value in new[] { "a", "b", "c", "a", "", "b", "c" })
        {
            counter.Add(Encoding.UTF8.GetBytes(value));
        }

        counter.Entries().ShouldBe([("a", 2L), ("b", 2L)]);
        counter.Overflow.ShouldBe(3);
        counter.IsFull.ShouldBeTrue();
    }

    [Fact]
    public void Appending_adds_counts_of_shared_values_and_takes_new_ones_up_to_the_capacity()
    {
        var first = new ByteCounter(3);
        var second = new ByteCounter(3);
        foreach (var value in new[] { "red", "green", "red" })
        {
            first.Add(Encoding.UTF8.GetBytes(value));
        }

        foreach (var value in new[] { "blue", "red", "violet", "violet", "green" })
        {
            second.Add(Encoding.UTF8.GetBytes(value));
        }

        first.Append(second);

        // The second counter was full before "green" (its overflow carries over), and "violet" finds the first full.
        first.Entries().ShouldBe([("red", 3L), ("green", 1L), ("blue", 1L)]);
        first.Overflow.ShouldBe(1 + 2);
    }

    [Fact]
    public void Equal_bytes_hash_alike_and_one_changed_byte_changes_the_hash_at_every_length()
    {
        for (var length = 0; length <= 40; length++)
        {
            var bytes = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
            SpanHash.Of(bytes).ShouldBe(SpanHash.Of(bytes.ToArray()));
            SpanHash.Of(bytes).ShouldNotBe(SpanHash.Of([.. bytes, (byte)'a']), $"length {length} against {length + 1}");
            for (var at = 0; at < length; at++)
            {
                var changed = bytes.ToArray();
                changed[at] ^= 1;
                SpanHash.Of(changed).ShouldNotBe(SpanHash.Of(bytes), $"length {length}, byte {at}");
            }
        }
    }
}
