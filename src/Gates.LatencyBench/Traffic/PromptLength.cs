using System.Globalization;
using Gates.Core;

namespace Gates.LatencyBench.Traffic;

/// <summary>How long synthetic prompts are, in words (about one token each): <c>fixed:N</c>, <c>normal:MEAN,SD</c> or <c>uniform:MIN,MAX</c>.</summary>
internal sealed record PromptLength(string Kind, double A, double B)
{
    public const string Flag = "--prompt-length";

    public static PromptLength Fixed(int words) => new("fixed", words, 0);

    public static PromptLength Parse(string text)
    {
        var colon = text.IndexOf(':');
        var kind = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        var numbers = colon < 0 ? [] : text[(colon + 1)..].Split(',').Select(p =>
            double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : double.NaN).ToArray();
        return (kind, numbers) switch
        {
            ("fixed", [var n]) when n >= 1 => new PromptLength(kind, Math.Round(n), 0),
            ("normal", [var mean, var sd]) when mean >= 1 => new PromptLength(kind, mean, sd),
            ("uniform", [var min, var max]) when min >= 1 && max >= min => new PromptLength(kind, Math.Round(min), Math.Round(max)),
            _ => throw new GateInputException($"{Flag} '{text}': expected fixed:N, normal:MEAN,SD or uniform:MIN,MAX (words, about one token each; at least 1)"),
        };
    }

    /// <summary>One length drawn from the distribution (at least 1 word, at most 1,000,000).</summary>
    public int Draw(Random random)
    {
        var value = Kind switch
        {
            "normal" => A + (B * Gaussian(random)),
            "uniform" => A + random.Next((int)(B - A) + 1),
            _ => A,
        };
        return (int)Math.Clamp(Math.Round(value), 1, 1_000_000);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller: two uniforms in (0, 1] give one standard normal.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public override string ToString() => Kind switch
    {
        "normal" => $"normal:{A.ToString(CultureInfo.InvariantCulture)},{B.ToString(CultureInfo.InvariantCulture)}",
        "uniform" => $"uniform:{A.ToString(CultureInfo.InvariantCulture)},{B.ToString(CultureInfo.InvariantCulture)}",
        _ => $"fixed:{A.ToString(CultureInfo.InvariantCulture)}",
    };
}
