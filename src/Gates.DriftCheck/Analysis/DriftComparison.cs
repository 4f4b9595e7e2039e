using Gates.Core;
using Gates.Core.Statistics;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck.Analysis;

/// <summary>Compares every column of the current data with the reference and collects the results.</summary>
internal static class DriftComparison
{
    public static DriftResult Run(TableProfile reference, TableProfile current, DriftSettings s)
    {
        var names = reference.Columns.Select(c => c.Name).Concat(current.Columns.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        var unknown = s.Columns.Keys.Where(k => !names.Contains(k)).ToList();
        if (s.Evidently?.Columns?.Where(k => !names.Contains(k)).ToList() is { Count: > 0 } missing)
        {
            throw new GateInputException($"the Evidently config names {string.Join(", ", missing.Select(u => $"'{u}'"))}, " +
                $"which {(missing.Count == 1 ? "is" : "are")} in neither data file");
        }

        if (unknown.Count > 0)
        {
            throw new GateInputException($"the thresholds file configures {string.Join(", ", unknown.Select(u => $"'{u}'"))}, " +
                $"which {(unknown.Count == 1 ? "is" : "are")} in neither data file");
        }

        // Columns are measured independently (KS, Wasserstein, histograms, chi-square): on every core, in column order.
        var outcomes = names.AsParallel().AsOrdered().Select(name => Outcome(name, reference, current, s)).ToList();
        var done = new Dictionary<string, ColumnResult>();
        var pending = new List<(string Name, Measurement M, ColumnProfile R, ColumnProfile C, ColumnSettings Settings)>();
        foreach (var (name, result, measured) in outcomes)
        {
            if (result is not null)
            {
                done[name] = result;
            }
            else
            {
                pending.Add(measured!.Value);
            }
        }

        var pValues = pending.Select(p => p.M.PValue).ToList();
        var adjusted = s.BenjaminiHochberg && pending.Count > 0 ? BenjaminiHochberg.Adjust(pValues) : null;
        for (var i = 0; i < pending.Count; i++)
        {
            var (name, m, r, c, settings) = pending[i];
            var p = adjusted?[i] ?? m.PValue;
            var (status, reason) = DefaultMode.Decide(m, p, s);
            done[name] = new ColumnResult
            {
                Name = name,
                Type = r.Type.ToWord(),
                TypeReason = r.TypeReason,
                Critical = settings.Critical,
                Status = status,
                Reason = reason,
                Method = m.Method,
                StatisticName = m.EffectName,
                Statistic = m.Effect,
                Threshold = m.EffectThreshold,
                DriftWhen = "gte",
                PValue = m.PValue,
                AdjustedPValue = adjusted?[i],
                ReferenceCount = m.ReferenceCount,
                CurrentCount = m.CurrentCount,
                Effect = m.Words,
                DetectableEffect = m.DetectableEffect,
                NeededCurrentRows = status == ColumnStatus.InsufficientData ? m.NeededCurrentRows : null,
                Metrics = m.Metrics,
                Histogram = m.Histogram,
                Notes = m.Notes,
                Signals = SignalsFor(r, c, s),
            };
        }

        return new DriftResult
        {
            Mode = s.Mode,
            Columns = [.. names.Select(n => done[n])],
            ReferenceRows = reference.Rows,
            CurrentRows = current.Rows,
        };
    }

    /// <summary>One column's result, or its measurement when the decision waits for the adjusted p-values.</summary>
    private static (string Name, ColumnResult? Result, (string Name, Measurement M, ColumnProfile R, ColumnProfile C, ColumnSettings Settings)? Pending) Outcome(
        string name, TableProfile reference, TableProfile current, DriftSettings s)
    {
        var r = reference.Find(name);
        var c = current.Find(name);
        var settings = s.For(name);
        if (s.Evidently?.Columns is { } chosen && !chosen.Contains(name))
        {
            return (name, new ColumnResult
            {
                Name = name,
                Type = (r ?? c)!.Type.ToWord(),
                TypeReason = (r ?? c)!.TypeReason,
                Status = ColumnStatus.NotTested,
                Reason = "not among the columns of the Evidently config",
                Expected = true,
            }, null);
        }

        if (NotTested.Check(name, r, c, settings, s.Mode) is { } skipped)
        {
            return (name, skipped with { Signals = r is not null && c is not null ? [Signals.MissingRate(r, c, s)] : [] }, null);
        }

        if (s.Mode == DriftMode.Evidently)
        {
            return (name, EvidentlyMode.Compare(name, r!, c!, settings, Choice(name, r!, s)) with { Signals = SignalsFor(r!, c!, s) }, null);
        }

        if (DefaultMode.Measure(name, r!, c!, settings, s) is { } m)
        {
            return (name, null, (name, m, r!, c!, settings));
        }

        return (name, new ColumnResult
        {
            Name = name,
            Type = r!.Type.ToWord(),
            TypeReason = r.TypeReason,
            Critical = settings.Critical,
            Status = ColumnStatus.NotTested,
            Reason = DatetimeMeasure.NothingToCompare,
            Expected = true,
            ReferenceCount = r.NonMissing,
            CurrentCount = c!.NonMissing,
            Notes = [$"reference {DatetimeMeasure.Range(r.Dates)}; current {DatetimeMeasure.Range(c.Dates)}"],
            Signals = SignalsFor(r, c, s),
        }, null);
    }

    /// <summary>The method and threshold an Evidently config gives the column: its ValueDrift's, else the preset's by type.</summary>
    private static (string?, double?) Choice(string name, ColumnProfile r, DriftSettings s)
    {
        if (s.Evidently is not { } config)
        {
            return default;
        }

        if (config.ColumnMethods.TryGetValue(name, out var own))
        {
            return own;
        }

        return config.Methods.For(name, r.Type switch { ColumnType.Numeric => "num", ColumnType.Text => "text", _ => "cat" });
    }

    private static IReadOnlyList<SignalResult> SignalsFor(ColumnProfile r, ColumnProfile c, DriftSettings s)
    {
        var signals = new List<SignalResult?> { Signals.MissingRate(r, c, s), Signals.Invalid(r, c, s) };
        if (r.Type is ColumnType.Categorical or ColumnType.Boolean && r.Categories is not null && c.Categories is not null)
        {
            signals.Add(Signals.NewCategories(r.Categories, c.Categories, s));
        }

        if (r.Type == ColumnType.Numeric && r.Numbers is not null && c.Numbers is not null)
        {
            signals.Add(Signals.OutOfRange(r.Numbers, c.Numbers, s));
        }

        return [.. signals.OfType<SignalResult>()];
    }
}
