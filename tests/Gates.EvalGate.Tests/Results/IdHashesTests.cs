using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results;

public class IdHashesTests
{
    [Fact]
    public void Distinct_ids_of_a_large_file_show_no_repeat()
    {
        var hashes = new IdHashes();
        for (var i = 0; i < 200_000; i++)
        {
            hashes.Add(IdHashes.Hash(System.Text.Encoding.UTF8.GetBytes($"q-{i:D7}")));
        }

        hashes.AnyRepeat().ShouldBeFalse();
    }

    [Fact]
    public void An_id_added_twice_among_many_is_a_repeat_wherever_it_falls()
    {
        foreach (var at in new[] { 0, 4_999, 99_999 })
        {
            var hashes = new IdHashes();
            for (var i = 0; i < 100_000; i++)
            {
                hashes.Add(IdHashes.Hash(System.Text.Encoding.UTF8.GetBytes($"item-{i}")));
            }

            hashes.Add(IdHashes.Hash(System.Text.Encoding.UTF8.GetBytes($"item-{at}")));
            hashes.AnyRepeat().ShouldBeTrue($"repeat of item-{at}");
        }
    }

    [Fact]
    public void Short_ids_that_differ_in_their_last_byte_spread_over_the_buckets()
    {
        // The bucket is the top byte: ids "1".."255" must not all land in a few buckets.
        var buckets = Enumerable.Range(1, 255).Select(i => IdHashes.Hash(System.Text.Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))) >> 56).Distinct().Count();
        buckets.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Hashes_that_share_their_bucket_and_low_bits_are_told_apart()
    {
        var hashes = new IdHashes();
        foreach (var hash in new[] { 0x0100_0000_0000_0005UL, 0x0100_0001_0000_0005UL, 0x0100_0002_0000_0005UL, 0x0200_0000_0000_0005UL })
        {
            hashes.Add(hash);
        }

        hashes.AnyRepeat().ShouldBeFalse();
        hashes.Add(0x0100_0001_0000_0005UL);
        hashes.AnyRepeat().ShouldBeTrue();
    }

    [Fact]
    public void No_ids_at_all_is_no_repeat()
    {
        new IdHashes().AnyRepeat().ShouldBeFalse();
    }
}
