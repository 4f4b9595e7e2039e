namespace Gates.DriftCheck.Evidently;

/// <summary>The test summary <c>evidently report --test-summary</c> prints: counts per status, then one line per test.</summary>
internal static class TestSummary
{
    public static string Render(IReadOnlyList<EvidentlyTestResult> tests)
    {
        var text = new System.Text.StringBuilder();
        foreach (var group in tests.GroupBy(t => t.Status))
        {
            text.Append($"{group.Key} [{group.Count()}/{tests.Count}]\n");
        }

        text.Append(new string('-', 20)).Append('\n');
        foreach (var test in tests)
        {
            text.Append($"{test.Status}: {test.Name}: {test.Description}\n");
        }

        text.Append(new string('-', 20)).Append('\n');
        if (tests.Any(t => t.Failed))
        {
            text.Append("Some tests failed\n");
        }

        return text.ToString();
    }
}
