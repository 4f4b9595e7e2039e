using Gates.Bench.Honesty;

// dotnet run -c Release --project bench/Honesty [-- TABLE.csv] [--tiny]
var table = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "../shared/corpus/tables/adult_income.csv";
var config = args.Contains("--tiny") ? HonestyConfig.Tiny(table) : HonestyConfig.Full(table);
Console.WriteLine(Row.Header);
foreach (var row in HonestyBenchmark.Rows(config))
{
    Console.WriteLine(row.Markdown());
}
