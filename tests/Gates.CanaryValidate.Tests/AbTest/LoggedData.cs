using System.Globalization;
using System.Text;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>Seeded logged outcomes of the two-arm experiment: per-user rows (sticky assignment) and shadow pairs.</summary>
internal static class LoggedData
{
    private static string N(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>One row per user: the user's requests and what they summed to.</summary>
    public static IEnumerable<Dictionary<string, string>> Users(int users, double controlSuccess, double treatmentSuccess, int seed = 7)
    {
        var random = new Random(seed);
        for (var u = 0; u < users; u++)
        {
            var treatment = u % 10 < 3;
            var requests = 1 + random.Next(8);
            var success = treatment ? treatmentSuccess : controlSuccess;
            var successes = Enumerable.Range(0, requests).Count(_ => random.NextDouble() < success);
            var hallucinations = Enumerable.Range(0, requests).Count(_ => random.NextDouble() < 0.05);
            yield return new Dictionary<string, string>
            {
                ["user_id"] = $"u{u:00000}",
                ["arm"] = treatment ? "gpt-4o-2025-01-15" : "control",
                ["requests"] = N(requests),
                ["task_successes"] = N(successes),
                ["hallucinations"] = N(hallucinations),
                ["cost"] = N(requests * (0.002 + (random.NextDouble() * 0.001))),
                ["user_satisfaction_score"] = N(Math.Min(5, 1 + random.Next(5) + (treatment && treatmentSuccess > controlSuccess && random.NextDouble() < 0.4 ? 1 : 0))),
                ["latency_seconds"] = N(0.2 + (random.NextDouble() * 2)),
                ["timestamp"] = N(1767571200 + (u * 60)),
            };
        }
    }

    /// <summary>One row per request with the champion's and the challenger's outcome, nested as in a JSONL export.</summary>
    public static string ShadowJsonl(int requests, double champion, double challenger, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < requests; i++)
        {
            var shared = random.NextDouble();
            var c = shared < champion ? 1 : 0;
            var t = shared < challenger ? 1 : 0;
            var rating = 1 + random.Next(5);
            var better = challenger > champion && random.NextDouble() < 0.4 ? Math.Min(5, rating + 1) : rating;
            var cost = 0.002 + (random.NextDouble() * 0.001);
            text.Append(CultureInfo.InvariantCulture, $"{{\"request_id\":\"r{i}\",\"champion\":{{\"task_successes\":{c},\"hallucinations\":0,\"cost\":{N(cost)},\"user_satisfaction_score\":{rating}}},")
                .Append(CultureInfo.InvariantCulture, $"\"challenger\":{{\"task_successes\":{t},\"hallucinations\":0,\"cost\":{N(cost)},\"user_satisfaction_score\":{better}}}}}\n");
        }

        return text.ToString();
    }

    public static string Csv(IEnumerable<Dictionary<string, string>> rows)
    {
        var list = rows.ToList();
        var header = list[0].Keys.ToList();
        return string.Join(",", header) + "\n" + string.Join("\n", list.Select(r => string.Join(",", header.Select(h => r[h])))) + "\n";
    }

    public static string Jsonl(IEnumerable<Dictionary<string, string>> rows) =>
        string.Concat(rows.Select(r => "{" + string.Join(",", r.Select(p => p.Key is "user_id" or "arm" ? $"\"{p.Key}\":\"{p.Value}\"" : $"\"{p.Key}\":{p.Value}")) + "}\n"));
}
