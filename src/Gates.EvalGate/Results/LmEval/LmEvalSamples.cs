using System.Text.Json;

namespace Gates.EvalGate.Results.LmEval;

/// <summary>
/// How many documents each lm-eval task was scored on: n-samples.&lt;task&gt;.effective for tasks, a group's
/// sample_count (or its subtasks' sum) for groups, and which tasks were cut short with --limit.
/// </summary>
internal sealed class LmEvalSamples(JsonElement root)
{
    public (long Original, long Effective)? ForTask(string task)
    {
        if (root.TryGetProperty("n-samples", out var all) && all.ValueKind == JsonValueKind.Object
            && all.TryGetProperty(task, out var counts) && counts.ValueKind == JsonValueKind.Object
            && Long(counts, "effective") is { } effective)
        {
            return (Long(counts, "original") ?? effective, effective);
        }

        return null;
    }

    /// <summary>n for one metric key of a task or group, or null when the file does not say.</summary>
    public long? For(string task, JsonElement entry, string key, int depth = 0)
    {
        if (ForTask(task) is { } counts)
        {
            return counts.Effective;
        }

        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("sample_count", out var sampleCount) && sampleCount.ValueKind == JsonValueKind.Object
            && Long(sampleCount, key) is { } count)
        {
            return count;
        }

        return depth < 8 ? SubtaskSum(task, key, depth) : null;
    }

    private long? SubtaskSum(string group, string key, int depth)
    {
        if (!root.TryGetProperty("group_subtasks", out var groups) || !groups.TryGetProperty(group, out var subtasks)
            || subtasks.ValueKind != JsonValueKind.Array || subtasks.GetArrayLength() == 0)
        {
            return null;
        }

        long sum = 0;
        foreach (var subtask in subtasks.EnumerateArray())
        {
            var name = subtask.ValueKind == JsonValueKind.String ? subtask.GetString()! : "";
            var entry = Entry(name);
            if (For(name, entry, key, depth + 1) is not { } n)
            {
                return null;
            }

            sum += n;
        }

        return sum;
    }

    private JsonElement Entry(string task)
    {
        foreach (var section in new[] { "groups", "results" })
        {
            if (root.TryGetProperty(section, out var tasks) && tasks.ValueKind == JsonValueKind.Object
                && tasks.TryGetProperty(task, out var entry) && entry.ValueKind == JsonValueKind.Object)
            {
                return entry;
            }
        }

        return default;
    }

    private static long? Long(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}
