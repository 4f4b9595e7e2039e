using System.Globalization;

namespace Gates.Bench.Honesty;

/// <summary>One line of the honesty table: what was simulated, what was measured, what an honest method should give.</summary>
public sealed record Row(string Tool, string Check, string Setting, double Measured, string Expected)
{
    public string Markdown() =>
        $"| {Tool} | {Check} | {Setting} | {(Measured * 100).ToString("0.0", CultureInfo.InvariantCulture)} % | {Expected} |";

    public static string Header => "| tool | check | setting | measured | honest value |\n|---|---|---|---:|---|";
}
