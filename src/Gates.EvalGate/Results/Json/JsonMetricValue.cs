using System.Globalization;
using System.Text.Json;
using Gates.Core.Metrics;

namespace Gates.EvalGate.Results.Json;

/// <summary>
/// Reads one metric of a plain metric document with its companions (see <see cref="MetricConventions"/>):
/// n from "&lt;name&gt;_n", the value object's "n", or the nearest enclosing "n"; successes, stderr and sd likewise.
/// </summary>
internal sealed class JsonMetricValue(string path, string metric)
{
    private readonly List<string> notes = [];

    public MetricFind Read(JsonMetricLocation location)
    {
        var (value, holder, scopes) = Resolve(location);
        if (JsonNumbers.Finite(value, out var problem) is not { } number)
        {
            return Invalid(problem!);
        }

        var n = Companion(holder, "n", "_n", scopes, out var nProblem);
        if (nProblem is not null)
        {
            return Invalid($"has n that {nProblem}");
        }

        if (n == 0)
        {
            return Invalid("has zero items (n = 0)");
        }

        var successes = Companion(holder, "successes", "_successes", [], out var sProblem);
        if (sProblem is not null || (successes is { } k && (n is not { } total || k > total)))
        {
            return Invalid(sProblem is not null ? $"has successes that {sProblem}" : "has successes but no n, or more successes than n");
        }

        if (successes is { } s && n is { } m && Math.Abs(number - ((double)s / m)) > 0.5 / m)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"is {number} but successes / n = {s} / {m}"));
        }

        return new MetricFind.Found(
            new MetricObservation(number)
            {
                N = n,
                Successes = successes,
                StdErr = Spread(holder, ["stderr"], "_stderr", "stderr"),
                StdDev = Spread(holder, MetricConventions.SdKeys, "_sd", "sd") ?? Spread(holder, [], "_std", "sd"),
                HigherIsBetter = holder.ValueObject is { } v && v.TryGetProperty("higher_is_better", out var h) && h.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? h.GetBoolean()
                    : null,
            },
            notes.Count > 0 ? string.Join("; ", notes) : null);
    }

    /// <summary>Where the companions live: inside a value object, or beside the value under "&lt;key&gt;_…".</summary>
    private readonly record struct Holder(JsonElement? ValueObject, JsonElement Parent, string Key);

    private static (JsonElement Value, Holder Holder, IReadOnlyList<JsonElement> Scopes) Resolve(JsonMetricLocation location)
    {
        if (MetricConventions.ValueKey(location.Value) is { } key)
        {
            return (location.Value.GetProperty(key), new Holder(location.Value, location.Parent, location.Key), [location.Value, .. location.Scopes]);
        }

        if (MetricConventions.ValueKey(location.Parent) == location.Key)
        {
            return (location.Value, new Holder(location.Parent, location.Parent, location.Key), location.Scopes);
        }

        return (location.Value, new Holder(null, location.Parent, location.Key), location.Scopes);
    }

    private static long? Companion(Holder holder, string objectKey, string suffix, IReadOnlyList<JsonElement> scopes, out string? problem)
    {
        problem = null;
        if (Element(holder, [objectKey], suffix) is { } own)
        {
            return JsonNumbers.Count(own, out problem);
        }

        foreach (var scope in scopes)
        {
            if (scope.TryGetProperty(objectKey, out var shared))
            {
                return JsonNumbers.Count(shared, out problem);
            }
        }

        return null;
    }

    private double? Spread(Holder holder, string[] objectKeys, string suffix, string label)
    {
        if (Element(holder, objectKeys, suffix) is not { } element)
        {
            return null;
        }

        if (JsonNumbers.Finite(element, out var problem) is { } value && value >= 0)
        {
            return value;
        }

        notes.Add($"{label} {problem ?? "is negative"}; ignored");
        return null;
    }

    private static JsonElement? Element(Holder holder, string[] objectKeys, string suffix)
    {
        if (holder.ValueObject is { } valueObject)
        {
            foreach (var key in objectKeys)
            {
                if (valueObject.TryGetProperty(key, out var inside))
                {
                    return inside;
                }
            }
        }

        return holder.ValueObject is null && holder.Parent.TryGetProperty(holder.Key + suffix, out var beside) ? beside : null;
    }

    private MetricFind.Invalid Invalid(string problem) => MetricProblem.Invalid(path, metric, problem);
}
