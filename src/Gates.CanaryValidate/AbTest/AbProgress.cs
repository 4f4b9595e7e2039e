namespace Gates.CanaryValidate.AbTest;

/// <summary>One line per look on stderr: look k/K, time, and each metric's status and difference.</summary>
internal static class AbProgress
{
    public static string Line(AbLook look, int total)
    {
        var metrics = look.Metrics.Select(m => $"{m.Metric} {m.Status.ToString().ToLowerInvariant()}" +
            (m.Result is { } r ? $" {AbText.Number(r.Treatment)} vs {AbText.Number(r.Control)}" : ""));
        var breached = look.Guardrails.Where(g => g.Breached).Select(g => $"guardrail {g.Metric} breached");
        return $"look {look.Number}/{total} at {look.At:yyyy-MM-dd HH:mm}Z: {string.Join(", ", metrics.Concat(breached))}";
    }
}
