using System.Text;
using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results;

/// <summary>The compact id table keeps ids exactly: equal bytes are one id, anything else two, however the hashes fall.</summary>
public class IdTableTests
{
    private static readonly string[] Tricky =
    [
        "", "a", "A", "a ", " a", "17", "17.0", "1e3", "-0", "\0line 3", "é", "e\u0301", "日本語", "😀", "😀a", "\uFFFD",
        "\uE000", "\uFFFF", "𐀀", "tab\there", "quote\"d", "back\\slash", "new\nline", new string('x', 300), new string('é', 70_000),
    ];

    [Fact]
    public void Each_distinct_id_gets_the_next_position_and_a_repeat_finds_its_first()
    {
        var table = new IdTable();
        for (var i = 0; i < Tricky.Length; i++)
        {
            table.FindOrAdd(Tricky[i], out var added).ShouldBe(i);
            added.ShouldBeTrue();
        }

        for (var i = Tricky.Length - 1; i >= 0; i--)
        {
            table.FindOrAdd(Tricky[i], out var added).ShouldBe(i);
            added.ShouldBeFalse();
            table.Find(Tricky[i]).ShouldBe(i);
            table.Text(i).ShouldBe(Tricky[i]);
            table.Utf8(i).ToArray().ShouldBe(Encoding.UTF8.GetBytes(Tricky[i]));
        }

        table.Count.ShouldBe(Tricky.Length);
        table.Find("b").ShouldBe(-1);
        table.Find("e\u0301 ").ShouldBe(-1);
    }

    [Fact]
    public void A_table_extending_another_keeps_its_positions_for_shared_ids_and_stores_only_its_own()
    {
        var current = new IdTable();
        foreach (var id in Tricky)
        {
            current.FindOrAdd(id, out _);
        }

        var baseline = new IdTable(current);
        baseline.FindOrAdd("new one", out var added).ShouldBe(Tricky.Length);
        added.ShouldBeTrue();
        baseline.FindOrAdd("😀", out added).ShouldBe(Array.IndexOf(Tricky, "😀"));
        added.ShouldBeTrue();
        baseline.FindOrAdd("😀", out added).ShouldBe(Array.IndexOf(Tricky, "😀"));
        added.ShouldBeFalse();
        baseline.FindOrAdd(Encoding.UTF8.GetBytes("new one"), out added).ShouldBe(Tricky.Length);
        added.ShouldBeFalse();
        baseline.FindOrAdd("", out _).ShouldBe(0);

        baseline.Count.ShouldBe(3);
        baseline.Length.ShouldBe(Tricky.Length + 1);
        baseline.Extends(current).ShouldBeTrue();
        current.Extends(baseline).ShouldBeFalse();
        baseline.Find("a").ShouldBe(-1, "an id of the other file only is not one of this file's");
        baseline.Find("😀").ShouldBe(Array.IndexOf(Tricky, "😀"));
        baseline.Find("new one").ShouldBe(Tricky.Length);
        current.Find("new one").ShouldBe(-1);
        baseline.Text(Tricky.Length).ShouldBe("new one");
        baseline.Text(Array.IndexOf(Tricky, "😀")).ShouldBe("😀");
        baseline.CompareOrdinal(0, Tricky.Length).ShouldBeLessThan(0);
    }

    [Fact]
    public void A_million_ids_survive_growing_and_pages_filling()
    {
        var table = new IdTable();
        for (var i = 0; i < 1_000_000; i++)
        {
            table.FindOrAdd($"q-{i:D7}", out _).ShouldBe(i);
        }

        table.Count.ShouldBe(1_000_000);
        foreach (var i in new[] { 0, 1, 65_535, 123_457, 999_999 })
        {
            table.Find($"q-{i:D7}").ShouldBe(i);
            table.Text(i).ShouldBe($"q-{i:D7}");
        }

        table.Find("q-1000000").ShouldBe(-1);
    }

    [Fact]
    public void A_string_that_is_not_well_formed_is_never_found_nor_kept()
    {
        var table = new IdTable();
        table.FindOrAdd("\uFFFD", out _);

        table.Find("\uD800").ShouldBe(-1);
        Should.Throw<ArgumentException>(() => table.FindOrAdd("a\uDC00", out _));
    }

    [Fact]
    public void Kept_ids_sort_as_ordinal_strings_do_across_surrogate_pairs_and_the_private_use_area()
    {
        var random = new Random(18);
        char[] pool = ['a', 'z', '\u00e9', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffee', '\uffff'];
        var ids = Tricky.Where(t => t.Length < 1000).Concat(Enumerable.Range(0, 400).Select(_ => Make(random, pool))).Distinct().ToList();
        var table = new IdTable();
        foreach (var id in ids)
        {
            table.FindOrAdd(id, out _);
        }

        var byTable = Enumerable.Range(0, ids.Count).ToArray();
        Array.Sort(byTable, table.CompareOrdinal);

        byTable.Select(table.Text).ShouldBe(ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void First_lines_are_counted_on_from_the_last_gap()
    {
        var gaps = new LineGaps();
        long[] lines = [1, 2, 3, 5, 6, 9, 10, 11, 40];
        for (var i = 0; i < lines.Length; i++)
        {
            gaps.Add(i, lines[i]);
        }

        Enumerable.Range(0, lines.Length).Select(gaps.LineOf).ShouldBe(lines);
    }

    private static string Make(Random random, char[] pool)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            if (random.Next(4) == 0)
            {
                text.Append(char.ConvertFromUtf32(random.Next(2) == 0 ? 0x10000 + random.Next(0x400) : 0x10FFFF - random.Next(0x400)));
            }
            else
            {
                text.Append(pool[random.Next(pool.Length)]);
            }
        }

        return text.ToString();
    }
}
