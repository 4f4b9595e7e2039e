using System.Text.Json.Nodes;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;
using Gates.DriftCheck.Tests.Corpus;
using Gates.Testing;

namespace Gates.DriftCheck.Tests.Data;

/// <summary>Parquet is read by row group into the same profile as the same data in CSV.</summary>
public class ParquetReadingTests
{
    [Fact]
    public void The_sample_table_as_parquet_in_several_row_groups_profiles_like_its_csv()
    {
        using var folder = new TempFolder();
        var csv = Command.DriftCheckHarness.Sample("reference.csv");
        var parquet = folder.File("reference.parquet");
        ParquetFiles.FromCsv(csv, parquet, rowsPerGroup: 300);

        Profile(parquet).ShouldBe(Profile(csv));
        TestData.Read(parquet).Format.ShouldBe(TableFormat.Parquet);
    }

    [Theory]
    [InlineData("penguins.csv")]
    [InlineData("diamonds.csv")]
    public void A_corpus_table_as_parquet_profiles_like_the_csv(string table)
    {
        if (CorpusSplit.Tables is not { } tables)
        {
            Environment.GetEnvironmentVariable("CI").ShouldNotBe("true", "CI has the shared corpus");
            return;
        }

        using var folder = new TempFolder();
        var csv = Path.Combine(tables, table);
        var parquet = folder.File(Path.ChangeExtension(table, ".parquet"));
        ParquetFiles.FromCsv(csv, parquet, rowsPerGroup: 5000);

        Profile(parquet).ShouldBe(Profile(csv));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_input_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.parquet", "PAR1 not really");

        Should.Throw<Core.GateInputException>(() => TestData.Read(path)).Message.ShouldContain("not a readable Parquet file");
    }

    /// <summary>The saved profile without its source block (name, sha256 and format differ by design).</summary>
    private static string Profile(string path)
    {
        var json = JsonNode.Parse(ProfileJson.Write(TestData.Reference(path), 1000))!.AsObject();
        json.Remove("source");
        return json.ToJsonString();
    }
}
