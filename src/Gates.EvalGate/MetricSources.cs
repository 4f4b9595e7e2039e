using Gates.Core;
using Gates.Core.Metrics;
using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>Resolves a metric name across one or more results files; a name found in two files is ambiguous.</summary>
internal sealed class MetricSources(IReadOnlyList<IEvalResults> files)
{
    private readonly List<string> notes = [];

    public IReadOnlyList<IEvalResults> Files => files;

    /// <summary>
    /// What the readers noted about the metrics that were looked up (a stderr of "N/A" ignored, a --limit run,
    /// items left out), one line each naming the file and the metric, for the report's warnings.
    /// </summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>The observation, or null when no file has the metric. Invalid values throw (exit 2).</summary>
    public MetricObservation? Find(string metric) => FindWithFile(metric)?.Observation;

    public (MetricObservation Observation, IEvalResults File)? FindWithFile(string metric)
    {
        (MetricObservation, IEvalResults)? hit = null;
        foreach (var file in files)
        {
            switch (file.Find(metric))
            {
                case MetricFind.Found found when hit is { } previous:
                    throw new GateInputException($"metric '{metric}' is in both {previous.Item2.Path} and {file.Path}; give the results of one run per metric");
                case MetricFind.Found found:
                    hit = (found.Observation, file);
                    Note(file, metric, found.Note);
                    break;
                case MetricFind.Invalid invalid:
                    throw new GateInputException(invalid.Reason);
            }
        }

        return hit;
    }

    private void Note(IEvalResults file, string metric, string? note)
    {
        var line = $"{file.Path}: metric '{metric}': {note}";
        if (note is not null && !notes.Contains(line))
        {
            notes.Add(line);
        }
    }

    public string DescribeMissing(string metric)
    {
        var reasons = files.Select(f => f.Find(metric) is MetricFind.Missing m ? m.Reason : $"not found in {f.Path}");
        return $"metric '{metric}' is missing: {string.Join("; ", reasons)}";
    }
}
