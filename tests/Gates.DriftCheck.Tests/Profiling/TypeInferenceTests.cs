using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Profiling;

public class TypeInferenceTests
{
    [Theory]
    [InlineData("1.5|2.25|3|4.75|5.5|6|7.25|8|9.5|10|11.5|12", "numeric", "numbers with 12 distinct values")]
    [InlineData("1|2|3|1|2|3|1|2|3|3", "categorical", "whole numbers with 3 distinct values (at most 10): compared as categories")]
    [InlineData("0|1|1|0|1|0|0|1", "boolean", "numbers that are only 0 and 1")]
    [InlineData("yes|no|no|yes|YES", "boolean", "only the values no and yes")]
    [InlineData("true|false|true", "boolean", "only the values false and true")]
    [InlineData("red|green|red|blue|green|red", "categorical", "text with 3 distinct values")]
    [InlineData("2019-03-01|2019-03-02 10:00:00|2019-03-05T11:30:00Z", "datetime", "every value is an ISO 8601 date and time (earliest 2019-03-01 00:00:00)")]
    [InlineData("2019-03-01|2019-03-02|2020-02-29", "datetime", "every value is an ISO 8601 date (earliest 2019-03-01)")]
    [InlineData("NA|NA|null", "empty", "all 3 values are missing")]
    public void Infers_the_type_and_says_why(string values, string type, string reason)
    {
        var (inferred, why) = Infer(values.Split('|'));

        inferred.ToWord().ShouldBe(type);
        why.ShouldBe(reason);
    }

    [Fact]
    public void Increasing_whole_numbers_are_a_row_index()
    {
        Infer([.. Enumerable.Range(1, 50).Select(i => i.ToString())]).ShouldBe((ColumnType.Identifier, "whole numbers, all different and increasing: a row index or id"));
    }

    [Fact]
    public void Whole_numbers_in_any_order_with_many_values_are_numeric()
    {
        var (type, reason) = Infer([.. Enumerable.Range(1, 50).Select(i => (i * 37 % 53).ToString())]);
        type.ShouldBe(ColumnType.Numeric);
        reason.ShouldBe("whole numbers with 50 distinct values");
    }

    [Fact]
    public void Mostly_distinct_short_text_is_an_identifier_and_long_text_is_text()
    {
        Infer([.. Enumerable.Range(0, 40).Select(i => $"user-{i:0000}")]).Type.ShouldBe(ColumnType.Identifier);
        var (type, reason) = Infer([.. Enumerable.Range(0, 40).Select(i => $"the delivery arrived {i} days late and the box was damaged")]);
        type.ShouldBe(ColumnType.Text);
        reason.ShouldStartWith("free text: mean length");
    }

    [Fact]
    public void Numbers_with_some_words_are_mixed_and_the_first_word_is_shown()
    {
        var values = Enumerable.Range(0, 30).Select(i => i.ToString()).ToList();
        values[7] = "unknown";

        var (type, reason) = Infer([.. values]);

        type.ShouldBe(ColumnType.Mixed);
        reason.ShouldBe("mixed: 29 numbers and 1 other values (first 'unknown' at row 8); list them in missing_values or set the column's type");
    }

    private static (ColumnType Type, string Reason) Infer(string[] values)
    {
        using var folder = new TempFolder();
        var path = TestData.Csv(folder, "c.csv", ("c", values));
        return TypeInference.Infer(TestData.Read(path).Columns[0]);
    }
}
