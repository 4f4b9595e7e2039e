using System.Globalization;
using System.Text;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;
using Gates.Testing;

namespace Gates.DriftCheck.Tests;

/// <summary>Seeded samples and small CSV files for the tests.</summary>
internal static class TestData
{
    public static double[] Normal(int seed, int n, double mean = 0, double sd = 1)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }

    public static string[] Categories(int seed, int n, params (string Value, double Weight)[] levels)
    {
        var random = new Random(seed);
        var total = levels.Sum(l => l.Weight);
        var values = new string[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble() * total;
            var j = 0;
            while (j < levels.Length - 1 && u >= levels[j].Weight)
            {
                u -= levels[j].Weight;
                j++;
            }

            values[i] = levels[j].Value;
        }

        return values;
    }

    /// <summary>Writes a CSV with one column per entry (all columns the same length).</summary>
    public static string Csv(TempFolder folder, string name, params (string Column, IReadOnlyList<string> Values)[] columns)
    {
        var b = new StringBuilder();
        b.AppendLine(string.Join(",", columns.Select(c => c.Column)));
        for (var i = 0; i < columns[0].Values.Count; i++)
        {
            b.AppendLine(string.Join(",", columns.Select(c => c.Values[i])));
        }

        return folder.Write(name, b.ToString());
    }

    public static IReadOnlyList<string> Text(IEnumerable<double> values) => [.. values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))];

    public static Table Read(string path, TableReadOptions? options = null) => TableReader.Read(path, options ?? new TableReadOptions(), CancellationToken.None);

    public static TableProfile Reference(string path, DriftSettings? settings = null) =>
        Profiler.Reference(Read(path), (settings ?? new DriftSettings()).TypeOverrides);

    public static DriftResult Compare(string reference, string current, DriftSettings? settings = null)
    {
        settings ??= new DriftSettings();
        var options = new TableReadOptions { Missing = new MissingValues(settings.MissingValues) };
        var r = Profiler.Reference(Read(reference, options), settings.TypeOverrides);
        var c = Profiler.Current(Read(current, options), r);
        return DriftComparison.Run(r, c, settings);
    }

    public static ColumnResult Column(this DriftResult result, string name) => result.Columns.Single(c => c.Name == name);
}
