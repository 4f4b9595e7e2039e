using System.CommandLine;
using System.Globalization;
using Gates.Cli;
using Gates.Core;

namespace Gates.LatencyBench.Commands;

/// <summary>Shared parsing helpers and the common options, minus <c>--output</c> where latency-bench uses it for results.</summary>
internal static class Flags
{
    /// <summary>All the common options; without <c>--output</c> where the command uses it for its results file.</summary>
    public static void AddCommon(Command command, CommonOptions common, bool withOutput)
    {
        common.AddTo(command);
        if (!withOutput)
        {
            command.Options.Remove(common.Output);
        }
    }

    public static int? Int(string? text, string flag, int min = 1, int max = int.MaxValue)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new GateInputException($"{flag}: '{text}' is not a whole number between {min} and {max}");
    }

    public static double? Number(string? text, string flag, double min)
    {
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n >= min
            ? n
            : throw new GateInputException($"{flag}: '{text}' is not a number >= {min.ToString(CultureInfo.InvariantCulture)}");
    }

    public static double? Positive(string? text, string flag)
    {
        var n = Number(text, flag, 0);
        return n is <= 0 ? throw new GateInputException($"{flag}: must be greater than 0") : n;
    }
}
