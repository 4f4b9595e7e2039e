using System.Globalization;

namespace Gates.Core.Statistics;

/// <summary>
/// Input guards shared by the statistics. Every failure is an <see cref="ArgumentException"/> whose message names
/// the argument and the value, so callers can report it as a usage or input error (exit 2).
/// </summary>
internal static class Require
{
    public static void Level(double level, string name = "level")
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1 (exclusive), got {Show(level)}", name);
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number, got {Show(value)}", name);
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"{name} must be a finite number >= 0, got {Show(value)}", name);
        }
    }

    public static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1, got {Show(value)}", name);
        }
    }

    public static void Count(long value, long minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"{name} must be at least {minimum}, got {value}", name);
        }
    }

    public static void Successes(long successes, long n)
    {
        Count(n, 1, nameof(n));
        if (successes < 0 || successes > n)
        {
            throw new ArgumentException($"successes must be between 0 and n = {n}, got {successes}", nameof(successes));
        }
    }

    public static double[] FiniteValues(IReadOnlyList<double>? values, string name, int minimum = 1)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count < minimum)
        {
            var need = minimum == 1 ? "at least one value" : $"at least {minimum} values";
            throw new ArgumentException($"{name} needs {need}, got {values.Count}", name);
        }

        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var value = values[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{name}[{i}] must be a finite number, got {Show(value)}", name);
            }

            copy[i] = value;
        }

        return copy;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
